package org.textvae.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textvae.corpus.LengthBuckets;
import org.textvae.eval.ElboEvaluator;
import org.textvae.io.ProgressLine;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/** The epoch loop of a {@link TrainingRun}: steps, metrics rows, validation and checkpoints. */
final class Loop {

    private static final int VALIDATION_BATCH = 256;

    private final TrainingJob job;
    private final TrainConfig config;
    private final RunFolder folder;
    private final SentenceVaeNetwork network;
    private final AdamOptimizer optimizer;
    private final NDManager manager;
    private final Vocabulary vocabulary;
    private final TrainingData data;
    private final RunLog log;
    private final boolean showProgress;
    private final TrainingStep step;
    private final List<Float> losses = new ArrayList<>();
    private final NativeHeapTrimmer trimmer = NativeHeapTrimmer.everyFewSeconds();
    private final FactorVaePenalty factorVae;
    private final SignalStop signal;
    private ElboEvaluator.Report lastValidation;
    private MetricsWindow window;

    Loop(
            TrainingJob job,
            RunFolder folder,
            SentenceVaeNetwork network,
            AdamOptimizer optimizer,
            NDManager manager,
            Vocabulary vocabulary,
            TrainingData data,
            RunLog log,
            boolean showProgress,
            FactorVaePenalty factorVae,
            SignalStop signal) {
        this.factorVae = factorVae;
        this.signal = signal;
        this.job = job;
        this.config = job.training();
        this.folder = folder;
        this.network = network;
        this.optimizer = optimizer;
        this.manager = manager;
        this.vocabulary = vocabulary;
        this.data = data;
        this.log = log;
        this.showProgress = showProgress;
        this.step =
                new TrainingStep(
                        network,
                        optimizer,
                        manager,
                        config,
                        TokenBatch.Specials.of(vocabulary),
                        factorVae);
    }

    /** Runs from {@code start}, with {@code openWindow} holding the steps since the last row. */
    TrainingRun.Result run(TrainingState start, MetricsWindow openWindow) throws IOException {
        window = openWindow;
        LengthBuckets buckets = TrainingRun.buckets(data, config);
        long perEpoch = buckets.batchesPerEpoch();
        long total = config.epochs() * perEpoch;
        if (config.maxSteps() > 0) {
            total = Math.min(total, config.maxSteps());
        }
        String annealing =
                network.config().kind().samplesLatent() && config.beta() > 0
                        ? AnnealingCheck.warning(config.klSchedule(), total)
                        : null;
        if (annealing != null) {
            log.accept(annealing);
        }
        TrainingState state = start;
        ProgressLine line = showProgress ? new ProgressLine(System.err) : null;
        log.showAbove(line);
        try (MetricsLog metrics = MetricsLog.open(folder.metrics(), state.step());
                ProgressBar bar = progressBar(total, state.step(), line)) {
            while (state.epoch() < config.epochs()
                    && !limitReached(state)
                    && !stopped(state)
                    && !signal.requested()) {
                List<int[]> batches = buckets.epoch(config.seed(), state.epoch());
                while (state.batchInEpoch() < batches.size()
                        && !limitReached(state)
                        && !signal.requested()) {
                    long begun = System.nanoTime();
                    TrainingStep.Outcome outcome =
                            step.run(
                                    TrainingStep.select(
                                            data.train(), batches.get(state.batchInEpoch())),
                                    state.step(),
                                    config.plateau().rate(config.learningRate(), state.decays()));
                    trimmer.afterStep();
                    double seconds = (System.nanoTime() - begun) / 1e9;
                    state = state.afterStep(seconds);
                    losses.add(outcome.loss());
                    window.add(outcome, seconds);
                    if (state.step() % config.logEvery() == 0) {
                        logRow(metrics, state, bar);
                        window = new MetricsWindow();
                    }
                    if (config.checkpointEvery() > 0
                            && state.step() % config.checkpointEvery() == 0) {
                        save(state);
                    }
                    if (bar != null) {
                        bar.stepTo(state.step());
                    }
                }
                if (state.batchInEpoch() >= batches.size()) {
                    state = validate(metrics, state.nextEpoch(), true);
                }
            }
            if (signal.requested()) {
                if (state.step() > start.step()) {
                    save(state); // Ctrl-C should not cost the steps since the last checkpoint
                }
                log.accept(stoppedBySignal(state));
            } else if (stopped(state)) {
                log.accept(
                        "stopping after %d learning-rate decays; the best weights are those of step %,d"
                                .formatted(state.decays(), state.bestStep()));
            }
            // A run resumed at its limit took no step: its last validation stands as it was.
            if (limitReached(state) && state.batchInEpoch() > 0 && state.step() > start.step()) {
                state = validate(metrics, state, false);
            }
        } finally {
            log.showAbove(null);
        }
        return new TrainingRun.Result(folder, state, lastValidation, List.copyOf(losses));
    }

    /**
     * A stopped run saves the step it reached, so --resume continues from there; one stopped before
     * its first step has nothing to resume, and says so.
     */
    private String stoppedBySignal(TrainingState state) {
        if (Files.exists(folder.lastCheckpoint())) {
            return "stopped by a signal after step %,d, saved in %s; --resume continues from there"
                    .formatted(state.step(), folder.lastCheckpoint());
        }
        return ("stopped by a signal after step %,d, before the first checkpoint: nothing can be"
                        + " resumed; delete %s to run the same command again")
                .formatted(state.step(), folder.root());
    }

    private boolean limitReached(TrainingState state) {
        return config.maxSteps() > 0 && state.step() >= config.maxSteps();
    }

    private boolean stopped(TrainingState state) {
        return config.plateau().exhausted(state.decays());
    }

    /**
     * Validates, logs, and keeps the best checkpoint. With a plateau decay only epoch ends choose
     * the best and decay: a validation forced mid-epoch by {@code --max-steps} is then a report, so
     * that a run stopped there and resumed decays exactly as the uninterrupted one.
     */
    private TrainingState validate(MetricsLog metrics, TrainingState state, boolean epochEnd) {
        ElboEvaluator.Report report =
                ElboEvaluator.evaluate(
                        network,
                        manager,
                        data.valid(),
                        TokenBatch.Specials.of(vocabulary),
                        config.seed(),
                        VALIDATION_BATCH);
        // Validation batches (256 sentences) outgrow training batches: give back what they freed.
        trimmer.trimNow();
        FiniteWeights.requireFiniteValidation(report.negativeElbo(), state.step());
        lastValidation = report;
        double beta = config.klSchedule().weight(state.step()) * config.beta();
        metrics.append(
                "valid",
                state.step(),
                state.epoch(),
                beta,
                report.reconstruction(),
                report.kl(),
                report.negativeElbo(),
                report.perplexity(),
                report.activeUnits(),
                "",
                "",
                state.seconds(),
                "",
                "");
        if (epochEnd && config.keepEpochs()) {
            // The weights just validated, before a plateau may send the run back to the best ones.
            folder.keepEpoch(state.epoch(), network, vocabulary.toJson());
        }
        boolean decides = epochEnd || !config.plateau().active();
        boolean better = decides && report.negativeElbo() < state.bestValidElbo();
        log.accept(
                "step %,d: ".formatted(state.step())
                        + report.describe(network.config())
                        + (better ? " (best so far)" : ""));
        if (better) {
            state = state.withBest(report.negativeElbo());
            FiniteWeights.require(network, state.step());
            folder.save(
                    folder.bestCheckpoint(),
                    network,
                    vocabulary.toJson(),
                    job,
                    state,
                    window,
                    optimizer,
                    factorVae);
        } else if (decides && config.plateau().active() && state.bestStep() >= 0) {
            state = state.withDecay();
            BestWeights.restore(
                    folder.bestCheckpoint(), state.step(), network, optimizer, factorVae, manager);
            log.accept(
                    "no better than step %,d: back to its weights, learning rate now %.3g (decay %d)"
                            .formatted(
                                    state.bestStep(),
                                    config.plateau().rate(config.learningRate(), state.decays()),
                                    state.decays()));
        }
        save(state);
        return state;
    }

    private void save(TrainingState state) {
        FiniteWeights.require(network, state.step());
        folder.save(
                folder.lastCheckpoint(),
                network,
                vocabulary.toJson(),
                job,
                state,
                window,
                optimizer,
                factorVae);
    }

    private void logRow(MetricsLog metrics, TrainingState state, ProgressBar bar) {
        double n = window.steps;
        double tokensPerSecond = window.tokens / window.seconds;
        metrics.append(
                "train",
                state.step(),
                state.epoch(),
                window.beta,
                window.reconstruction / n,
                window.kl / n,
                window.loss / n,
                "",
                "",
                window.gradNorm / n,
                Math.round(tokensPerSecond),
                state.seconds(),
                blankIfNaN(window.tc / n),
                blankIfNaN(window.discriminatorLoss / n));
        if (bar != null) {
            // Short, so that an 80-column terminal keeps room for the bar itself (with β and
            // tokens/s it shrank to "[ ]" and the line was cut); metrics.csv has the rest.
            bar.setExtraMessage(
                    String.format(" rec %.1f KL %.2f", window.reconstruction / n, window.kl / n));
        }
    }

    private static Object blankIfNaN(double value) {
        return Double.isNaN(value) ? "" : value;
    }

    private static ProgressBar progressBar(long total, long done, ProgressLine line) {
        if (line == null) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(total)
                .startsFrom(done, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .setConsumer(line)
                .build();
    }
}
