package org.textvae.cli;

import org.textvae.generate.Refinement;
import picocli.CommandLine.Option;

/** The {@code --refine} option of the commands that encode the user's sentences. */
final class RefineOption {

    @Option(
            names = "--refine",
            paramLabel = "STEPS",
            defaultValue = "0",
            description =
                    "Search STEPS gradient steps from the encoder's code towards the code the"
                            + " model finds most probable for each sentence (0: the encoder's"
                            + " code as it is; at most "
                            + Refinement.MAX_STEPS
                            + "). With 20, 97%% of Tang test lines come back exactly (81%%"
                            + " without), at about eight times the cost.")
    int steps;

    /** What was asked for; refuses a count out of range with a usage error. */
    Refinement refinement() {
        Options.requireNonNegative("--refine", steps);
        Options.requireAtMost("--refine", steps, Refinement.MAX_STEPS, "");
        return Refinement.steps(steps);
    }
}
