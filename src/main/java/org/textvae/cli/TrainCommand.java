package org.textvae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.TextvaeException;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.train.KlSchedule;
import org.textvae.train.PlateauDecay;
import org.textvae.train.TrainConfig;
import org.textvae.train.TrainingJob;
import org.textvae.train.TrainingResult;
import org.textvae.train.TrainingRun;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae train}: a corpus training run into a self-describing run folder. */
@Command(
        mixinStandardHelpOptions = true,
        name = "train",
        sortOptions = false,
        showDefaultValues = true,
        defaultValueProvider = TrainDefaults.class,
        description = {
            "Train a sentence VAE (or an autoencoder or a language model) on a corpus.",
            "Teacher forcing, word dropout and KL annealing. The run folder gets config.json,"
                    + " command.txt, manifest.json, metrics.csv and checkpoints/{last,best}.ckpt."
                    + " The same --seed and --threads repeat a run: bit for bit on one thread;"
                    + " on more, PyTorch's threaded arithmetic can make two runs differ"
                    + " (docs/design.md). --resume continues a stopped run where it stopped, with"
                    + " its state restored exactly."
        },
        footer = {
            "",
            "KL schedules: linear:STEPS (0 to 1 over STEPS), logistic:MIDPOINT:RATE (Bowman et al.),"
                    + " cyclical:PERIOD:RAMP (Fu et al. 2019: rises over the first RAMP of each"
                    + " PERIOD), constant.",
            "",
            "Regularising a large corpus (Penn Treebank overfits after 6-8 epochs): --dropout 0.5"
                    + " drops decoder units in training only; --lr-decay 0.5 --stop-after-decays 5"
                    + " goes back to the best weights and halves the learning rate after each epoch"
                    + " that does not improve the validation -ELBO, and stops at the fifth. With"
                    + " --lr-decay the best checkpoint is chosen at epoch ends only."
                    + " --recurrent-dropout 0.5 also drops half of the decoder GRU's"
                    + " hidden-to-hidden weights, one mask per batch (Merity et al. 2017).",
            "",
            "Examples:",
            "  textvae train --corpus corpora/tang.csv.gz --vocab vocab/tang.tokenizer.json \\",
            "      --out runs/tang",
            "  textvae train --corpus ptb.train.txt --valid ptb.valid.txt \\",
            "      --vocab vocab/ptb.tokenizer.json --out runs/ptb \\",
            "      --kl-schedule linear:20000 --word-dropout 0.5",
            "  textvae train --resume runs/tang --epochs 20"
        })
final class TrainCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description =
                    "Corpus: CSV with text (and split) columns, or plain text, one sentence a line.")
    Path corpus;

    @Option(
            names = "--vocab",
            paramLabel = "FILE",
            description = "tokenizer.json (see 'vocab build').")
    Path vocab;

    @Option(
            names = "--valid",
            paramLabel = "FILE",
            description =
                    "Validation file (default: the corpus's valid split, else every 50th line).")
    Path valid;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Run folder to create (or an empty one); a folder holding anything is refused.")
    Path out;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description =
                    "Continue the run in DIR from its last checkpoint, exactly, with the settings in"
                            + " its config.json. Only --epochs and --max-steps (to extend the run),"
                            + " --no-progress and the global --threads and --verbose may be given"
                            + " with it.")
    Path resume;

    @Mixin ModelShapeOptions shape;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training split.")
    int epochs;

    @Option(
            names = "--max-steps",
            paramLabel = "N",
            description = "Stop after N steps (0: no limit).")
    long maxSteps;

    @Option(names = "--batch-size", paramLabel = "N", description = "Sentences per step.")
    int batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate.")
    float learningRate;

    @Option(names = "--clip", paramLabel = "NORM", description = "Gradient-norm clip (0: off).")
    float clip;

    @Option(
            names = "--word-dropout",
            paramLabel = "P",
            description = "Share of decoder input words replaced by <unk>.")
    double wordDropout;

    @Option(
            names = "--dropout",
            paramLabel = "P",
            description = "Share of decoder input and output units dropped in training.")
    float dropout;

    @Option(
            names = "--recurrent-dropout",
            paramLabel = "P",
            description =
                    "Share of the decoder GRU's hidden-to-hidden weights dropped in training, one"
                            + " mask per batch (DropConnect).")
    float recurrentDropout;

    @Option(
            names = "--keep-epochs",
            description =
                    "Also keep the weights validated at each epoch's end, as"
                            + " checkpoints/epoch-NNN.ckpt (weights only, without the Adam moments),"
                            + " to average the last few with textvae average.")
    boolean keepEpochs;

    @Option(
            names = "--lr-decay",
            paramLabel = "FACTOR",
            description =
                    "After an epoch without a better validation -ELBO: back to the best weights,"
                            + " learning rate times this (1: off).")
    float lrDecay;

    @Option(
            names = "--stop-after-decays",
            paramLabel = "N",
            description = "End the run at this many learning-rate decays (0: never).")
    int stopAfterDecays;

    @Option(
            names = "--kl-schedule",
            paramLabel = "SCHEDULE",
            description = "How beta rises from 0 (see below).")
    String klSchedule;

    @Option(
            names = "--beta",
            paramLabel = "BETA",
            description = "Final KL weight (beta-VAE when not 1).")
    float beta;

    @Option(
            names = "--free-bits",
            paramLabel = "NATS",
            description = "KL floor per latent dimension, nats.")
    float freeBits;

    @Option(
            names = "--factor-gamma",
            paramLabel = "GAMMA",
            description = "FactorVAE: weight of the total-correlation penalty (0: off).")
    float factorGamma;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed for everything random.")
    long seed;

    @Option(
            names = "--max-length",
            paramLabel = "N",
            description = "Skip longer sentences (tokens).")
    int maxLength;

    @Option(names = "--log-every", paramLabel = "N", description = "Steps between metrics rows.")
    int logEvery;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            description = "Steps between checkpoints (0: epoch ends only).")
    int checkpointEvery;

    @Option(
            names = "--no-progress",
            description = "No progress bar (the default when the output is not a terminal).")
    boolean noProgress;

    @Override
    public Integer call() {
        TrainingResult result;
        if (resume != null) {
            TrainOptionRules.refuseSettingsOnResume(spec);
            boolean epochsGiven = typed("--epochs");
            boolean stepsGiven = typed("--max-steps");
            if (epochsGiven) {
                Options.requirePositive("--epochs", epochs);
            }
            Options.requireNonNegative("--max-steps", maxSteps);
            result =
                    TrainingRun.resume(
                            resume,
                            epochsGiven ? epochs : null,
                            stepsGiven ? maxSteps : null,
                            System.err::println,
                            showProgress());
        } else {
            result = TrainingRun.start(job(), System.err::println, showProgress());
        }
        Path checkpoints = result.folder().root().resolve("checkpoints");
        System.out.printf(
                Files.exists(result.folder().lastCheckpoint())
                        ? "trained %,d steps; checkpoints in %s%n"
                        : "trained %,d steps; no checkpoint was written to %s%n",
                result.state().step(),
                checkpoints);
        return 0;
    }

    /**
     * Named as typed: the settings' own checks would name their fields instead ("log interval must
     * be positive" for {@code --log-every 0}).
     */
    private void refuseOutOfRangeNumbers() {
        Options.requirePositive("--epochs", epochs);
        Options.requirePositive("--batch-size", batchSize);
        shape.refuseOutOfRangeNumbers();
        Options.requirePositive("--log-every", logEvery);
        Options.requireNonNegative("--max-steps", maxSteps);
        Options.requireNonNegative("--checkpoint-every", checkpointEvery);
        Options.requireAboveZero("--lr", learningRate);
    }

    private boolean typed(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private TrainingJob job() {
        if (corpus == null || vocab == null || out == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "train needs --corpus, --vocab and --out (or --resume DIR)");
        }
        // Options first, so a typo is reported before any file is read.
        refuseOutOfRangeNumbers();
        ModelKind modelKind = shape.kind();
        TrainOptionRules.refuseOptionsTheModelIgnores(spec, modelKind);
        TrainConfig training = training();
        // Checked before the vocabulary is read, with a stand-in size.
        shape.config(ModelConfig.MINIMUM_VOCABULARY);
        int vocabSize;
        try (Vocabulary vocabulary = Vocabulary.load(vocab)) {
            vocabSize = vocabulary.size();
            warnOfOverlongTokens(vocabulary);
        }
        ModelConfig model = shape.config(vocabSize);
        List<String> command = new ArrayList<>();
        command.add("textvae");
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        return new TrainingJob(model, training, corpus, vocab, valid, out, command);
    }

    /** The training settings the options give. */
    TrainConfig training() {
        return TrainConfig.builder()
                .epochs(epochs)
                .maxSteps(maxSteps)
                .batchSize(batchSize)
                .learningRate(learningRate)
                .clipNorm(clip)
                .wordDropout(wordDropout)
                .klSchedule(KlSchedule.parse(klSchedule))
                .beta(beta)
                .freeBits(freeBits)
                .seed(seed)
                .maxLength(maxLength)
                .logEvery(logEvery)
                .checkpointEvery(checkpointEvery)
                .factorGamma(factorGamma)
                .dropout(dropout)
                .recurrentDropout(recurrentDropout)
                .keepEpochs(keepEpochs)
                .plateau(new PlateauDecay(lrDecay, stopAfterDecays))
                .build();
    }

    /**
     * A vocabulary built before over-long tokens were left out can hold whole unspaced lines as
     * tokens; training on it works and learns nothing useful, so say so in one line.
     */
    private void warnOfOverlongTokens(Vocabulary vocabulary) {
        int overlong = 0;
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.token(id);
            overlong +=
                    token.codePointCount(0, token.length()) > Segmentation.MAX_TOKEN_LENGTH ? 1 : 0;
        }
        if (overlong > 0) {
            System.err.printf(
                    "warning: %s holds %,d token%s longer than %d characters, likely whole lines"
                            + " without spaces; rebuild it with vocab build (--segmentation"
                            + " character for text without spaces)%n",
                    vocab, overlong, overlong == 1 ? "" : "s", Segmentation.MAX_TOKEN_LENGTH);
        }
    }

    private boolean showProgress() {
        return !noProgress && TerminalProgress.stderrIsTerminal();
    }
}
