package org.textvae.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.textvae.Seeds;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.vocab.Vocabulary;

/**
 * A corpus training run: teacher forcing, word dropout, KL annealing, Adam with clipping,
 * validation each epoch, checkpoints (last and best on validation −ELBO), metrics.csv, and an exact
 * {@code --resume}. The loop knows nothing of the network's insides.
 */
public final class TrainingRun {

    private final TrainingJob job;
    private final RunLog log;
    private final boolean showProgress;

    private TrainingRun(TrainingJob job, Consumer<String> log, boolean showProgress) {
        this.job = job;
        this.log = new RunLog(job.runDirectory(), log);
        this.showProgress = showProgress;
    }

    /**
     * Trains a new model in a new or empty run folder. Everything that can be checked (the folder,
     * the vocabulary, the corpus) is checked before the folder is written to; a run that fails
     * before its first checkpoint takes back what it wrote.
     */
    public static TrainingResult start(
            TrainingJob job, Consumer<String> log, boolean showProgress) {
        requireLatentForFactorVae(job);
        FreshFolder fresh = FreshFolder.claim(job.runDirectory());
        try (RunLock lock = RunLock.acquire(job.runDirectory())) {
            // Checked again under the lock: a run that started and ended meanwhile is not joined.
            FreshFolder.claim(job.runDirectory());
            try {
                return new TrainingRun(job, log, showProgress).run(null);
            } catch (TextvaeException e) {
                // A corpus that cannot be read fails before the run writes anything: no advice on
                // removed files or checkpoints then.
                boolean written = fresh.written();
                boolean checkpointed = fresh.checkpointed();
                fresh.discard();
                throw written ? withAdvice(e, job, checkpointed) : e;
            } catch (RuntimeException | Error e) {
                fresh.discard();
                throw e;
            }
        }
    }

    /**
     * Continues the run in {@code runDirectory} from its last checkpoint with the settings it was
     * started with; {@code epochs} and {@code maxSteps}, when not null, extend it.
     */
    public static TrainingResult resume(
            Path runDirectory,
            Integer epochs,
            Long maxSteps,
            Consumer<String> log,
            boolean showProgress) {
        Path file = RunFolder.toResume(runDirectory).lastCheckpoint();
        if (!Files.isDirectory(runDirectory)) {
            Checkpoint.read(file); // says what is missing; nothing to lock
        }
        // Locked before anything is read: the checkpoint read must be the last one written.
        try (RunLock lock = RunLock.acquire(runDirectory)) {
            return resumeLocked(runDirectory, file, epochs, maxSteps, log, showProgress);
        }
    }

    private static TrainingResult resumeLocked(
            Path runDirectory,
            Path file,
            Integer epochs,
            Long maxSteps,
            Consumer<String> log,
            boolean showProgress) {
        Checkpoint checkpoint = Checkpoint.read(file);
        TrainingJob job = ResumeEntries.job(checkpoint, file);
        RecordedConfig.requireConsistent(runDirectory.resolve("config.json"), job);
        job = RecordedCorpora.locate(job, runDirectory);
        if (epochs != null) {
            job = job.withEpochs(epochs);
        }
        if (maxSteps != null) {
            job = job.withMaxSteps(maxSteps);
        }
        TrainingRun run = new TrainingRun(job, log, showProgress);
        new RunFolder(runDirectory).requireUnchangedData(job);
        run.log.open();
        try {
            return run.run(checkpoint);
        } catch (TextvaeException e) {
            throw withAdvice(e, job, true);
        }
    }

    /** Why a resumed run has no step left to take, or null when it has. */
    static String alreadyDone(TrainConfig config, TrainingState state) {
        if (state.epoch() >= config.epochs()) {
            return "nothing to train: the run has done its %d epochs; --epochs above %d goes on"
                    .formatted(config.epochs(), config.epochs());
        }
        if (config.maxSteps() > 0 && state.step() >= config.maxSteps()) {
            return "nothing to train: the run is at its step limit (%,d); a larger --max-steps, or 0 for none, goes on"
                    .formatted(config.maxSteps());
        }
        if (config.plateau().exhausted(state.decays())) {
            return "nothing to train: the run stopped itself after %d learning-rate decays"
                    .formatted(state.decays());
        }
        return null;
    }

    /**
     * A failed write or a divergence, with the advice that is true of this run: what was kept;
     * after a write failure, resume or run again; after a divergence, a new run, since resuming
     * would retrace the same steps (a resumed run keeps its settings and its seed).
     */
    private static TextvaeException withAdvice(
            TextvaeException e, TrainingJob job, boolean checkpointed) {
        if (e.kind() == TextvaeException.Kind.IO) {
            return new TextvaeException(
                    e.kind(),
                    e.getMessage()
                            + (checkpointed
                                    ? "; fix that and continue with --resume " + job.runDirectory()
                                    : "; nothing was checkpointed yet, so the run's files were"
                                            + " removed: fix that and run the same command again"),
                    e);
        }
        if (e.kind() != TextvaeException.Kind.NUMERIC) {
            return e;
        }
        String fix =
                job.training().clipNorm() > 0
                        ? "a lower --lr or a smaller --clip"
                        : "a lower --lr or gradient clipping (--clip 5)";
        String advice =
                checkpointed
                        ? "; the checkpoints in "
                                + job.runDirectory().resolve("checkpoints")
                                + " are kept, but resuming would retrace the same steps with the"
                                + " same settings: start a new run (another --out) with "
                                + fix
                        : " before its first checkpoint, so nothing was kept in "
                                + job.runDirectory()
                                + ": start again with "
                                + fix;
        return new TextvaeException(e.kind(), e.getMessage() + advice, e);
    }

    private TrainingResult run(Checkpoint resumeFrom) {
        RunFolder folder = new RunFolder(job.runDirectory());
        // Declared first, closed last: a signal's exit waits until the native memory is freed.
        try (SignalStop signal = new SignalStop();
                Vocabulary vocabulary =
                        resumeFrom == null
                                ? Vocabulary.load(job.vocabulary())
                                : Vocabulary.fromJson(resumeFrom.tokenizerJson());
                NDManager manager = NDManager.newBaseManager()) {
            if (vocabulary.size() != job.model().vocabSize()) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        String.format(
                                "vocabulary %s has %d tokens but the model expects %d",
                                job.vocabulary(), vocabulary.size(), job.model().vocabSize()));
            }
            TrainingData data = TrainingData.load(job, vocabulary, log);
            SentenceVaeNetwork network;
            TrainingState state;
            if (resumeFrom == null) {
                Engine.getInstance().setRandomSeed(Seeds.fold(job.training().seed()));
                network = new SentenceVaeNetwork(job.model());
                network.initialize(manager);
                state = TrainingState.start();
                folder.describe(job);
                log.open();
            } else {
                Path file = folder.lastCheckpoint();
                int unfinished = folder.removeUnfinishedWrites();
                if (unfinished > 0) {
                    log.accept(
                            String.format(
                                    "removed %d unfinished file write%s the interrupted run left",
                                    unfinished, unfinished == 1 ? "" : "s"));
                }
                network = resumeFrom.network(manager);
                network.freezeParameters(false);
                state = ResumeEntries.state(resumeFrom, file);
                log.accept(
                        String.format(
                                "resuming at step %,d (epoch %d, batch %d)",
                                state.step(), state.epoch() + 1, state.batchInEpoch()));
                String done = alreadyDone(job.training(), state);
                if (done != null) {
                    log.accept(done);
                }
            }
            List<Parameter> parameters = new ArrayList<>(network.getParameters().values());
            log.accept(
                    String.format(
                            "model: %s; %,d weights",
                            job.model().summary(), network.weightCount()));
            try (AdamOptimizer optimizer = new AdamOptimizer(parameters, manager);
                    FactorVaePenalty factorVae = factorVae(manager)) {
                if (resumeFrom != null) {
                    optimizer.restore(
                            ResumeEntries.optimizerState(
                                    resumeFrom, manager, folder.lastCheckpoint()),
                            state.step());
                    if (factorVae != null) {
                        factorVae.restoreFrom(resumeFrom.extras(), manager, state.step());
                    }
                }
                Trainee trainee = new Trainee(network, optimizer, factorVae, manager, vocabulary);
                MetricsWindow window =
                        resumeFrom == null
                                ? new MetricsWindow()
                                : ResumeEntries.window(resumeFrom, folder.lastCheckpoint());
                return new Loop(
                                job.training(),
                                data,
                                trainee,
                                new Checkpoints(folder, trainee, job),
                                log,
                                showProgress,
                                signal)
                        .run(state, window);
            }
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot write to run folder " + job.runDirectory() + ": " + e.getMessage(),
                    e);
        } catch (UncheckedIOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot write to run folder "
                            + job.runDirectory()
                            + ": "
                            + e.getCause().getMessage(),
                    e);
        }
    }

    /** FactorVAE's discriminator, when the job asks for the TC penalty (seeded, after the VAE). */
    private FactorVaePenalty factorVae(NDManager manager) {
        float gamma = job.training().factorGamma();
        return gamma > 0 ? new FactorVaePenalty(gamma, job.model().latentSize(), manager) : null;
    }

    private static void requireLatentForFactorVae(TrainingJob job) {
        if (job.training().factorGamma() > 0 && !job.model().kind().samplesLatent()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "--factor-gamma needs the VAE (--model vae)");
        }
        // With one latent dimension there is no correlation between dimensions to penalise; the
        // discriminator would learn nothing and the penalty would only add noise.
        if (job.training().factorGamma() > 0 && job.model().latentSize() < 2) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--factor-gamma needs at least 2 latent dimensions (--latent), got "
                            + job.model().latentSize());
        }
    }
}
