package org.textvae.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.generate.Interpolation;
import org.textvae.generate.ReconstructionOptions;
import org.textvae.generate.SentencePair;
import org.textvae.model.EngineDefaults;
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
                    + " included, one line each. Characters the vocabulary lacks are read as <unk>"
                    + " and reported on stderr (with line numbers for --input); no output line"
                    + " ever holds <unk>.",
            "With --input, each line holds a pair FROM<TAB>TO; the paths are decoded in batches"
                    + " and each is printed as soon as it is decoded, a blank line between two"
                    + " paths (a line of a path may itself be empty; --json keeps pairs apart"
                    + " beyond doubt). Empty lines (or lines of spaces) are skipped and reported on stderr."
                    + " A line without"
                    + " exactly one tab, with an empty side, or with a side of more than "
                    + BulkInput.MAX_TOKENS
                    + " tokens (the longest line decoded) ends the command with its line number"
                    + " (exit 3) before anything is printed."
        },
        footer = {
            "",
            "Examples: textvae interpolate 白日依山盡 黃河入海流 --steps 7",
            "          textvae interpolate --input pairs.tsv --json"
        })
final class InterpolateCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FROM",
            description = "The first sentence (or give --input).")
    String from;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "TO",
            description = "The second sentence.")
    String to;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "Read pairs FROM<TAB>TO from FILE, one per line ('-': standard input).")
    String input;

    /** Far more points than a path has distinct lines: the rest only repeat their neighbours. */
    static final int MAX_STEPS = 1000;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "7",
            description = "Points on the path (2 to " + MAX_STEPS + ").")
    int steps;

    @Option(names = "--slerp", description = "Spherical instead of linear interpolation.")
    boolean slerp;

    @Option(
            names = "--beam",
            paramLabel = "K",
            defaultValue = "1",
            description =
                    "Decode each point by beam search of K beams (1: greedily, at most "
                            + SentenceVae.MAX_BEAM
                            + "): with --beam 4 the path starts and ends at your sentences more"
                            + " often, at several times the cost.")
    int beam;

    @Mixin RefineOption refineOption;

    private ReconstructionOptions reading;

    @Option(
            names = "--json",
            description =
                    "Print the path as a JSON array; with --input, one array per pair, one per"
                            + " line (JSON Lines).")
    boolean json;

    @Override
    public Integer call() {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--steps must be between 2 and " + MAX_STEPS + ", got " + steps);
        }
        if (input != null && (from != null || to != null)) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "give FROM and TO or --input FILE, not both");
        }
        if (input == null && to == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "give two sentences, FROM and TO, or --input FILE");
        }
        Options.requirePositive("--beam", beam);
        Options.requireAtMost("--beam", beam, SentenceVae.MAX_BEAM, "");
        reading = new ReconstructionOptions(beam, refineOption.refinement());
        return input == null ? fromArguments() : fromFile();
    }

    private Interpolation path() {
        return slerp ? Interpolation.SPHERICAL : Interpolation.LINEAR;
    }

    private int fromArguments() {
        try (SentenceVae vae = modelOption.load()) {
            Unknowns.report(vae, from, to);
            List<String> path =
                    reading.equals(ReconstructionOptions.GREEDY)
                            ? vae.interpolate(from, to, steps, path())
                            : vae.interpolateAll(
                                            List.of(new SentencePair(from, to)),
                                            steps,
                                            path(),
                                            reading)
                                    .get(0);
            if (json) {
                System.out.println(JsonOutput.GSON.toJson(path));
            } else {
                path.forEach(System.out::println);
            }
        }
        return 0;
    }

    private int fromFile() {
        // Read before the model, so a missing file is reported at once.
        InputFile file = InputFile.read(input);
        EngineDefaults.preferBatchParallelism();
        try (SentenceVae vae = modelOption.load()) {
            BulkInput<SentencePair> pairs = BulkInput.pairs(file, vae.vocabulary());
            pairs.reportEmptyLines();
            Unknowns.report(pairs);
            boolean[] first = {true};
            vae.interpolateEach(
                    pairs.items(),
                    steps,
                    path(),
                    reading,
                    path -> {
                        if (json) {
                            System.out.println(JsonOutput.GSON.toJson(path));
                        } else {
                            if (!first[0]) {
                                System.out.println();
                            }
                            path.forEach(System.out::println);
                        }
                        first[0] = false;
                        StreamedOutput.requireOpen();
                    });
        } catch (StreamedOutput.Closed e) {
            return 0; // Main reports the failed write; the paths not yet decoded are dropped
        }
        return 0;
    }
}
