package org.textvae.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.TextvaeException;
import org.textvae.generate.Interpolation;
import org.textvae.generate.SentenceVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code textvae interpolate}: the homotopy between two sentences (Bowman et al. §6.3). */
@Command(
        mixinStandardHelpOptions = true,
        name = "interpolate",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Walk the latent space from one sentence to another.",
            "Encodes FROM and TO to their posterior means and decodes --steps evenly spaced points"
                    + " of the path between them (Bowman et al. 2016, section 6.3), endpoints"
                    + " included, one line each. Unknown characters are read as <unk> and reported"
                    + " on stderr."
        },
        footer = {"", "Example: textvae interpolate 白日依山盡 黃河入海流 --steps 7"})
final class InterpolateCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Parameters(index = "0", paramLabel = "FROM", description = "The first sentence.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The second sentence.")
    String to;

    /** Far more points than a path has distinct lines: the rest only repeat their neighbours. */
    static final int MAX_STEPS = 1000;

    @Option(
            names = "--steps",
            defaultValue = "7",
            description = "Points on the path (2 to " + MAX_STEPS + ").")
    int steps;

    @Option(names = "--slerp", description = "Spherical instead of linear interpolation.")
    boolean slerp;

    @Option(names = "--json", description = "Print a JSON array instead of plain lines.")
    boolean json;

    @Override
    public Integer call() {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--steps must be between 2 and " + MAX_STEPS + ", got " + steps);
        }
        try (SentenceVae vae = modelOption.load()) {
            Unknowns.report(vae, from, to);
            List<String> path =
                    vae.interpolate(
                            from,
                            to,
                            steps,
                            slerp ? Interpolation.SPHERICAL : Interpolation.LINEAR);
            if (json) {
                System.out.println(JsonOutput.GSON.toJson(path));
            } else {
                path.forEach(System.out::println);
            }
        }
        return 0;
    }
}
