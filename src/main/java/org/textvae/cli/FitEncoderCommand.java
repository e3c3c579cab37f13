package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textvae.Seeds;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.Subsample;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.train.EncoderFit;
import org.textvae.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae fit-encoder}: trains the encoder's mean so that codes write their lines back. */
@Command(
        mixinStandardHelpOptions = true,
        name = "fit-encoder",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Fit the encoder to the decoder, so that a sentence's code writes it back.",
            "A VAE's encoder learns beside a decoder that is still changing, on noisy codes; at the"
                    + " end the code it gives a sentence is often not the one the decoder writes"
                    + " that sentence from. This trains the encoder's mean alone, with the decoder,"
                    + " the embedding and the prior frozen, on −log p(x | z = μ) + ½β‖μ‖² over the"
                    + " training split, and keeps the weights that write back the most held-out"
                    + " lines (checked every 500 steps). reconstruct and interpolate then start and"
                    + " end at the user's lines more often; generate and poem, which never use the"
                    + " encoder, write exactly what they wrote before."
        },
        footer = {
            "",
            "Fit after 'textvae prior': a prior fitted to the sharper codes would keep samples"
                    + " closer to training lines.",
            "",
            "Example:",
            "  textvae fit-encoder --model runs/tang --out runs/tang-fitted.ckpt"
        })
final class FitEncoderCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            paramLabel = "PATH",
            description =
                    "Run folder (its best checkpoint) or .ckpt file (default: the model packed"
                            + " into the jar).")
    Path model;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description =
                    "The model's corpus: its train split is fitted to, its valid split checked"
                            + " (default: "
                            + RecordedCorpus.DEFAULT_TEXT
                            + ").")
    Path corpus;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "Checkpoint to write (the model read is never changed).")
    Path out;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "" + EncoderFit.Settings.STEPS,
            description =
                    "Adam steps of "
                            + EncoderFit.Settings.BATCH
                            + " lines (3,000: about 8 minutes on 2 cores).")
    int steps;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            defaultValue = "" + EncoderFit.Settings.LEARNING_RATE,
            description =
                    "Learning rate after a warm-up of 200 steps; small, as the encoder starts"
                            + " trained.")
    float learningRate;

    @Option(
            names = "--beta",
            paramLabel = "B",
            defaultValue = "" + EncoderFit.Settings.PRIOR_WEIGHT,
            description =
                    "Weight of the pull of each code towards the origin, ½β‖μ‖²: the β the model"
                            + " was trained with keeps codes where training left them.")
    float beta;

    @Option(
            names = "--held-out",
            paramLabel = "N",
            defaultValue = "2000",
            description =
                    "Valid lines checked (a seeded sample; at most "
                            + MAX_HELD_OUT
                            + "). A corpus without a valid split holds out the lines a training"
                            + " run holds out, one in 50.")
    int heldOut;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.FITTING,
            description = "Seed for the order of batches and the held-out sample.")
    long seed;

    @Mixin OutputFile output;

    static final int MAX_STEPS = 1_000_000;

    static final int MAX_HELD_OUT = 100_000;

    @Override
    public Integer call() {
        Options.requirePositive("--steps", steps);
        Options.requireAtMost("--steps", steps, MAX_STEPS, "");
        Options.requirePositive("--held-out", heldOut);
        Options.requireAtMost("--held-out", heldOut, MAX_HELD_OUT, "");
        Options.requireAboveZero("--lr", learningRate);
        if (!(beta >= 0) || !Float.isFinite(beta)) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "--beta must be 0 or more, got " + beta);
        }
        Path file = model == null ? null : ModelFiles.checkpointFile(model);
        Path corpusFile = RecordedCorpus.of(corpus, model);
        output.check(out, file, corpusFile);
        // The model first: a missing one is the more likely mistake, and the quicker to report.
        Checkpoint checkpoint = file == null ? ModelFiles.readDefault() : Checkpoint.read(file);
        Corpus sentences = CorpusReader.read(corpusFile);
        String source = file == null ? "the default model" : file.toString();
        EncoderFit.Settings settings =
                new EncoderFit.Settings(
                        steps,
                        learningRate,
                        Math.min(EncoderFit.Settings.WARM_UP, steps),
                        EncoderFit.Settings.BATCH,
                        beta,
                        Math.min(EncoderFit.Settings.CHECK_EVERY, steps),
                        seed);
        // As training splits it: a corpus without a valid split holds out the lines its run did.
        TrainingData.Split<String> split =
                sentences.valid().isEmpty()
                        ? TrainingData.holdOut(sentences.train())
                        : new TrainingData.Split<>(sentences.train(), sentences.valid(), 0);
        EncoderFit.Report report;
        try (TerminalProgress progress = TerminalProgress.forTerminal("fit encoder", " steps")) {
            report =
                    EncoderFit.fit(
                            checkpoint,
                            source,
                            split.kept(),
                            Subsample.of(split.heldOut(), heldOut, seed),
                            settings,
                            new EncoderFit.Listener() {
                                @Override
                                public void stepped(int done) {
                                    progress.step(done, steps);
                                }

                                @Override
                                public void checked(EncoderFit.Check check) {
                                    progress.println(describe(check));
                                }
                            });
        }
        try {
            report.checkpoint().writeTo(out);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(out, e);
        }
        EncoderFit.Check before = report.before();
        EncoderFit.Check kept = report.kept();
        System.out.printf(
                "kept the encoder of step %,d: %.1f%% of held-out lines written back (%.1f%%"
                        + " before), −log p(x|μ) %.3f nats per line (%.3f before)%n",
                kept.step(),
                100 * kept.writtenBack(),
                100 * before.writtenBack(),
                kept.negativeLogLikelihood(),
                before.negativeLogLikelihood());
        System.out.printf("wrote %s (decoder, embedding and prior as they were)%n", out);
        return 0;
    }

    private static String describe(EncoderFit.Check check) {
        return String.format(
                "step %,d: %.1f%% of held-out lines written back from their code, −log p(x|μ)"
                        + " %.3f nats per line",
                check.step(), 100 * check.writtenBack(), check.negativeLogLikelihood());
    }
}
