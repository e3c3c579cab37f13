package org.textvae.cli;

import java.nio.file.Path;
import org.textvae.Seeds;
import org.textvae.corpus.Split;
import org.textvae.eval.EvaluationOptions;
import org.textvae.eval.LanguageModelScore;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import picocli.CommandLine.Option;

/**
 * What {@code eval} and {@code compare} score a model on: the corpus, its split, the seed of every
 * draw and the optional language model for prior samples. The counts (k, samples, limit) stay with
 * each command because their defaults differ: one model is scored in full, several in a subsample.
 */
final class HeldOutOptions {

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description =
                    "The model's corpus (CSV with a split column, or plain text; default: "
                            + RecordedCorpus.DEFAULT_TEXT
                            + ").")
    Path corpus;

    /** The corpus to score {@code model} on: {@code --corpus}, else the one its run recorded. */
    Path corpusFor(Path model) {
        return RecordedCorpus.of(corpus, model);
    }

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            defaultValue = "test",
            description = "test, valid or train.")
    String split;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.MEASURING,
            description = "Seed of every draw.")
    long seed;

    @Option(
            names = "--lm",
            paramLabel = "PATH",
            description =
                    "Run folder or .ckpt of a language model (train --model lm) on the same"
                            + " vocabulary: scores the prior samples under it.")
    Path lm;

    Split chosenSplit() {
        return Options.split(split);
    }

    /** Most samples per sentence for the IW NLL: a typo of a few more zeros would run for days. */
    static final int MAX_IW_SAMPLES = 100_000;

    EvaluationOptions evaluation(int iwSamples, int samples, int limit) {
        Options.requireAtMost(
                "--samples", samples, GenerateCommand.MAX_COUNT, "all are held at once");
        Options.requireAtMost(
                "--iw-samples",
                iwSamples,
                MAX_IW_SAMPLES,
                "k = 500 already takes about 2 s a sentence on two cores");
        return new EvaluationOptions(
                chosenSplit(),
                iwSamples,
                samples,
                seed,
                limit,
                EvaluationOptions.defaults().batchSize());
    }

    /** The language model named by {@code --lm}, or null. */
    LanguageModelScore.Reference languageModel() {
        Path file = languageModelFile();
        return file == null
                ? null
                : new LanguageModelScore.Reference(Checkpoint.read(file), file.toString());
    }

    /** The checkpoint file of {@code --lm}, or null. */
    Path languageModelFile() {
        return lm == null ? null : ModelFiles.checkpointFile(lm);
    }
}
