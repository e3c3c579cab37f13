package org.textvae.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.generate.ReconstructionOptions;
import org.textvae.model.EngineDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code textvae reconstruct}: each sentence through the encoder's mean and back. */
@Command(
        mixinStandardHelpOptions = true,
        name = "reconstruct",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Encode sentences and decode them again.",
            "Each TEXT, or each line of --input, goes to its posterior mean and back through greedy"
                    + " decoding: one output line per input, in order. Characters the vocabulary"
                    + " lacks are read as <unk> and reported on stderr (with line numbers for"
                    + " --input); no output line ever holds <unk>.",
            "With --input, sentences are encoded and decoded in batches and each batch is printed"
                    + " as soon as it is decoded. Empty lines (or lines of spaces) are skipped and"
                    + " reported on stderr."
                    + " A line of more than "
                    + BulkInput.MAX_TOKENS
                    + " tokens (the longest line decoded) ends the command with its line number"
                    + " (exit 3) before anything is printed."
        },
        footer = {
            "",
            "Examples: textvae reconstruct 床前明月光 疑是地上霜",
            "          textvae reconstruct --input lines.txt --json"
        })
final class ReconstructCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Parameters(
            arity = "0..*",
            paramLabel = "TEXT",
            description = "Sentences to reconstruct (or give --input).")
    List<String> texts;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "Read the sentences from FILE, one per line ('-': standard input).")
    String input;

    @Option(
            names = "--beam",
            paramLabel = "K",
            defaultValue = "1",
            description =
                    "Decode by beam search of K beams (1: greedily, at most "
                            + SentenceVae.MAX_BEAM
                            + "): --beam 4 gives the sentence back more often, at several"
                            + " times the cost.")
    int beam;

    @Mixin RefineOption refineOption;

    @Option(
            names = "--json",
            description =
                    "Print a JSON array of the lines; with --input, one JSON object per line"
                            + " instead (JSON Lines): {\"line\": N, \"input\": ..., \"output\":"
                            + " ..., \"unknown\": [characters not in the vocabulary]}.")
    boolean json;

    private ReconstructionOptions reading;

    /** What {@code --input --json} prints for each line. */
    record JsonLine(int line, String input, String output, List<String> unknown) {}

    @Override
    public Integer call() {
        if (texts == null) {
            texts = List.of();
        }
        if (input != null && !texts.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "give sentences as arguments or --input FILE, not both");
        }
        if (input == null && texts.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "give one or more sentences, or --input FILE");
        }
        Options.requirePositive("--beam", beam);
        Options.requireAtMost("--beam", beam, SentenceVae.MAX_BEAM, "");
        reading = new ReconstructionOptions(beam, refineOption.refinement());
        return input == null ? fromArguments() : fromFile();
    }

    private int fromArguments() {
        try (SentenceVae vae = modelOption.load()) {
            Unknowns.report(vae, texts.toArray(String[]::new));
            List<String> lines = vae.reconstructAll(texts, reading);
            if (json) {
                System.out.println(JsonOutput.GSON.toJson(lines));
            } else {
                lines.forEach(System.out::println);
            }
        }
        return 0;
    }

    private int fromFile() {
        // Read before the model, so a missing file is reported at once.
        InputFile file = InputFile.read(input);
        EngineDefaults.preferBatchParallelism();
        try (SentenceVae vae = modelOption.load()) {
            BulkInput<String> sentences = BulkInput.sentences(file, vae.vocabulary());
            sentences.reportEmptyLines();
            Unknowns.report(sentences);
            int[] next = {0};
            vae.reconstructEach(
                    sentences.items(),
                    reading,
                    batch -> {
                        for (String line : batch) {
                            int i = next[0]++;
                            System.out.println(
                                    json
                                            ? JsonOutput.GSON.toJson(
                                                    new JsonLine(
                                                            sentences.lineNumbers().get(i),
                                                            sentences.items().get(i),
                                                            line,
                                                            sentences.unknowns().get(i)))
                                            : line);
                        }
                        StreamedOutput.requireOpen();
                    });
        } catch (StreamedOutput.Closed e) {
            return 0; // Main reports the failed write; the lines not yet decoded are dropped
        }
        return 0;
    }
}
