package org.textvae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.textvae.Seeds;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.generate.DecodingOptions;
import org.textvae.model.EngineDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae generate}: sentences decoded from codes of the model's prior. */
@Command(
        mixinStandardHelpOptions = true,
        name = "generate",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Generate sentences from random points of the latent space.",
            "Draws z from the model's prior (N(0, I), mapped through the fitted prior if the"
                    + " model has one: see prior) and decodes each, in batches of 128 lines, one batch per core at"
                    + " a time, stopping at <eos> or"
                    + " --max-length: greedily by default (the most likely token at every step),"
                    + " by sampling with --temperature (and --top-k), or by beam search with"
                    + " --beam. One sentence per line.",
            "On a terminal, a bar on stderr shows how far a run of more than 4,096 lines has got."
        },
        footer = {"", "Example: textvae generate --model runs/tang -n 10 --seed 7"})
final class GenerateCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    /**
     * About three minutes on 2 cores. Every latent code and line is held until the end: two billion
     * ran out of memory.
     */
    static final int MAX_COUNT = 1_000_000;

    /** Runs of more lines than this (about a second on 2 cores) show a progress bar. */
    static final int BAR_FROM = 4096;

    @Option(
            names = {"-n", "--count"},
            paramLabel = "N",
            defaultValue = "10",
            description = "How many sentences (at most 1,000,000).")
    int count;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.SAMPLING,
            description = "Seed for z.")
    long seed;

    @Option(
            names = "--temperature",
            paramLabel = "T",
            defaultValue = "0",
            description =
                    "0: greedy; otherwise sample from softmax(logits / T), T from 0.0001 to"
                            + " 10000.")
    double temperature;

    @Option(
            names = "--top-k",
            paramLabel = "K",
            defaultValue = "0",
            description = "With --temperature, draw only from the K most likely tokens (0: all).")
    int topK;

    /**
     * A batch of 128 lines decodes 128 × beam rows over the whole vocabulary at every step: with
     * the shipped model 16 beams took 1.7 GB, 100 beams for 64 lines 5 GB.
     */
    static final int MAX_BEAM = 16;

    @Option(
            names = "--beam",
            paramLabel = "K",
            defaultValue = "1",
            description = "Beam width (1: no beam search; at most " + MAX_BEAM + ").")
    int beam;

    @Option(
            names = "--max-length",
            paramLabel = "N",
            defaultValue = "40",
            description = "Longest line, in tokens (at most " + SentenceVae.MAX_LINE_TOKENS + ").")
    int maxLength;

    @Option(names = "--json", description = "Print a JSON array instead of plain lines.")
    boolean json;

    @Override
    public Integer call() {
        Options.requirePositive("--count", count);
        Options.requireAtMost(
                "--count", count, MAX_COUNT, "for more, run again with another --seed");
        Options.requireAtMost("--beam", beam, MAX_BEAM, "");
        Options.requirePositive("--max-length", maxLength);
        EngineDefaults.preferBatchParallelism();
        // Options first, so a typo is reported before the model is read.
        DecodingOptions options = new DecodingOptions(maxLength, temperature, topK, beam, seed + 1);
        try (SentenceVae vae = modelOption.loadWithLatentSpace()) {
            requireBeamBelowVocabulary(vae.config().vocabSize());
            List<String> lines = new ArrayList<>();
            try {
                sample(vae, options, json ? lines::addAll : StreamedOutput::print);
            } catch (StreamedOutput.Closed e) {
                return 0; // Main reports the failed write; the lines not yet decoded are dropped
            }
            if (json) {
                System.out.println(JsonOutput.GSON.toJson(lines));
            }
        }
        return 0;
    }

    /**
     * Hands the lines to {@code sink} batch by batch, with a bar for long runs. The lines are
     * exactly what {@link SentenceVae#sample(int, long, DecodingOptions)} returns for the same seed
     * and options.
     */
    private void sample(SentenceVae vae, DecodingOptions options, Consumer<List<String>> sink) {
        float[][] codes = vae.priorSamples(count, seed);
        try (TerminalProgress progress =
                TerminalProgress.forTerminal(count > BAR_FROM ? "generate" : null, " lines")) {
            progress.step(0, count);
            int[] done = {0};
            vae.decodeEach(
                    codes,
                    options,
                    batch -> {
                        sink.accept(batch);
                        done[0] += batch.size();
                        progress.step(done[0], count);
                    });
        }
    }

    /** Each beam step ranks beam + 1 candidates per line among the vocabulary's tokens. */
    private void requireBeamBelowVocabulary(int vocabSize) {
        if (beam >= vocabSize) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--beam must be smaller than the model's vocabulary size ("
                            + vocabSize
                            + "), got "
                            + beam);
        }
    }
}
