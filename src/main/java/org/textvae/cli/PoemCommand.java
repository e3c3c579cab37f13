package org.textvae.cli;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.generate.PoemWriter;
import org.textvae.generate.SentenceVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae poem}: a poem from the latent space, the default model by default. */
@Command(
        mixinStandardHelpOptions = true,
        name = "poem",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Write a poem of fixed-length lines.",
            "Each of --lines lines is decoded greedily from its own z of the model's prior (N(0, I)"
                    + " unless fitted) with exactly --form"
                    + " characters: <eos> is masked until the form's length and forced at it, and"
                    + " <unk> is never written. With --walk the lines come from a short random walk"
                    + " through latent space (each z still a N(0, I) sample), so the poem keeps"
                    + " one mood."
        },
        footer = {
            "",
            "Without --seed every run writes a new poem; the same --seed writes the same poem.",
            "",
            "Examples:",
            "  textvae poem",
            "  textvae poem --form 7 --lines 8 --walk --seed 12"
        })
final class PoemCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Option(
            names = "--form",
            defaultValue = "5",
            paramLabel = "N",
            description =
                    "Characters per line: 5 or 7 for the Tang forms (any length from 1 to "
                            + SentenceVae.DEFAULT_MAX_LENGTH
                            + " is decoded).")
    int form;

    /** A poem, not a corpus: for many lines, use generate. */
    static final int MAX_LINES = 1000;

    @Option(
            names = "--lines",
            defaultValue = "4",
            description = "Lines in the poem (at most " + MAX_LINES + ").")
    int lines;

    @Option(names = "--seed", description = "Seed for the latent codes (default: a new one).")
    Long seed;

    @Option(names = "--walk", description = "Draw the lines from one path through latent space.")
    boolean walk;

    @Option(
            names = "--json",
            description = "Print JSON (lines, form, seed) instead of plain lines.")
    boolean json;

    @Override
    public Integer call() {
        Options.requirePositive("--lines", lines);
        Options.requireAtMost("--lines", lines, MAX_LINES, "for many lines use generate");
        long chosen = seed != null ? seed : PoemWriter.randomSeed();
        try (SentenceVae vae = modelOption.loadWithLatentSpace()) {
            List<String> poem = new PoemWriter(vae).write(form, lines, chosen, walk);
            if (json) {
                JsonObject out = new JsonObject();
                out.addProperty("form", form);
                out.addProperty("seed", chosen);
                out.addProperty("walk", walk);
                out.add("lines", JsonOutput.GSON.toJsonTree(poem));
                System.out.println(JsonOutput.GSON.toJson(out));
            } else {
                poem.forEach(System.out::println);
            }
        }
        return 0;
    }
}
