package org.textvae.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textvae.corpus.LengthBuckets;
import org.textvae.eval.ElboEvaluator;
import org.textvae.io.ProgressLine;

/**
 * The epoch loop of a {@link TrainingRun}: steps in the seeded batch order, with metrics rows
 * ({@link MetricsRows}), validation at each epoch end and checkpoints ({@link Checkpoints}) beside
 * it, until the epochs, the step limit, the learning-rate decays or a signal end it.
 */
final class Loop {

    private static final int VALIDATION_BATCH = 256;

    private final TrainConfig config;
    private final TrainingData data;
    private final Trainee trainee;
    private final Checkpoints checkpoints;
    private final RunLog log;
    private final boolean showProgress;
    private final SignalStop signal;
    private final TrainingStep step;
    private final List<Float> losses = new ArrayList<>();
    private final NativeHeapTrimmer trimmer = NativeHeapTrimmer.everyFewSeconds();
    private ElboEvaluator.Report lastValidation;

    Loop(
            TrainConfig config,
            TrainingData data,
            Trainee trainee,
            Checkpoints checkpoints,
            RunLog log,
            boolean showProgress,
            SignalStop signal) {
        this.config = config;
        this.data = data;
        this.trainee = trainee;
        this.checkpoints = checkpoints;
        this.log = log;
        this.showProgress = showProgress;
        this.signal = signal;
        this.step =
                new TrainingStep(
                        trainee.network(),
                        trainee.optimizer(),
                        trainee.manager(),
                        config,
                        trainee.specials(),
                        trainee.factorVae());
    }

    /** Runs from {@code start}, with {@code openWindow} holding the steps since the last row. */
    TrainingResult run(TrainingState start, MetricsWindow openWindow) throws IOException {
        LengthBuckets buckets = data.buckets(config.batchSize());
        long total = config.epochs() * buckets.batchesPerEpoch();
        if (config.maxSteps() > 0) {
            total = Math.min(total, config.maxSteps());
        }
        warnOfShortAnnealing(total);
        TrainingState state = start;
        ProgressLine line = showProgress ? new ProgressLine(System.err) : null;
        log.showAbove(line);
        try (ProgressBar bar = progressBar(total, state.step(), line);
                MetricsRows rows =
                        new MetricsRows(
                                checkpoints.folder().metrics(),
                                state.step(),
                                openWindow,
                                config.logEvery(),
                                bar)) {
            while (state.epoch() < config.epochs()
                    && !limitReached(state)
                    && !stopped(state)
                    && !signal.requested()) {
                List<int[]> batches = buckets.epoch(config.seed(), state.epoch());
                while (state.batchInEpoch() < batches.size()
                        && !limitReached(state)
                        && !signal.requested()) {
                    state = takeStep(state, batches, rows);
                    if (bar != null) {
                        bar.stepTo(state.step());
                    }
                }
                if (state.batchInEpoch() >= batches.size()) {
                    state = validate(rows, state.nextEpoch(), true);
                }
            }
            if (signal.requested()) {
                if (state.step() > start.step()) {
                    // Ctrl-C should not cost the steps since the last checkpoint.
                    checkpoints.saveLast(state, rows.window());
                }
                log.accept(stoppedBySignal(state));
            } else if (stopped(state)) {
                log.accept(
                        "stopping after %d learning-rate decays; the best weights are those of step %,d"
                                .formatted(state.decays(), state.bestStep()));
            }
            // A run resumed at its limit took no step: its last validation stands as it was.
            if (limitReached(state) && state.batchInEpoch() > 0 && state.step() > start.step()) {
                state = validate(rows, state, false);
            }
        } finally {
            log.showAbove(null);
        }
        return new TrainingResult(checkpoints.folder(), state, lastValidation, List.copyOf(losses));
    }

    private TrainingState takeStep(TrainingState state, List<int[]> batches, MetricsRows rows) {
        long begun = System.nanoTime();
        TrainingStep.Outcome outcome =
                step.run(
                        TrainingStep.select(data.train(), batches.get(state.batchInEpoch())),
                        state.step(),
                        config.plateau().rate(config.learningRate(), state.decays()));
        trimmer.afterStep();
        double seconds = (System.nanoTime() - begun) / 1e9;
        TrainingState after = state.afterStep(seconds);
        losses.add(outcome.loss());
        rows.afterStep(after, outcome, seconds);
        if (config.checkpointEvery() > 0 && after.step() % config.checkpointEvery() == 0) {
            checkpoints.saveLast(after, rows.window());
        }
        return after;
    }

    private void warnOfShortAnnealing(long total) {
        if (trainee.network().config().kind().samplesLatent() && config.beta() > 0) {
            String warning = AnnealingCheck.warning(config.klSchedule(), total);
            if (warning != null) {
                log.accept(warning);
            }
        }
    }

    /**
     * A stopped run saves the step it reached, so --resume continues from there; one stopped before
     * its first step has nothing to resume, and says so.
     */
    private String stoppedBySignal(TrainingState state) {
        if (checkpoints.anyToResume()) {
            return "stopped by a signal after step %,d, saved in %s; --resume continues from there"
                    .formatted(state.step(), checkpoints.last());
        }
        return ("stopped by a signal after step %,d, before the first checkpoint: nothing can be"
                        + " resumed; delete %s to run the same command again")
                .formatted(state.step(), checkpoints.folder().root());
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
    private TrainingState validate(MetricsRows rows, TrainingState state, boolean epochEnd) {
        ElboEvaluator.Report report =
                ElboEvaluator.evaluate(
                        trainee.network(),
                        trainee.manager(),
                        data.valid(),
                        trainee.specials(),
                        config.seed(),
                        VALIDATION_BATCH);
        // Validation batches (256 sentences) outgrow training batches: give back what they freed.
        trimmer.trimNow();
        FiniteWeights.requireFiniteValidation(report.negativeElbo(), state.step());
        lastValidation = report;
        rows.validation(state, report, config.klSchedule().weight(state.step()) * config.beta());
        if (epochEnd && config.keepEpochs()) {
            // The weights just validated, before a plateau may send the run back to the best ones.
            checkpoints.keepEpoch(state.epoch());
        }
        boolean decides = epochEnd || !config.plateau().active();
        boolean better = decides && report.negativeElbo() < state.bestValidElbo();
        log.accept(
                "step %,d: ".formatted(state.step())
                        + report.describe(trainee.network().config())
                        + (better ? " (best so far)" : ""));
        if (better) {
            state = state.withBest(report.negativeElbo());
            checkpoints.saveBest(state, rows.window());
        } else if (decides && config.plateau().active() && state.bestStep() >= 0) {
            state = state.withDecay();
            checkpoints.restoreBest(state.step());
            log.accept(
                    "no better than step %,d: back to its weights, learning rate now %.3g (decay %d)"
                            .formatted(
                                    state.bestStep(),
                                    config.plateau().rate(config.learningRate(), state.decays()),
                                    state.decays()));
        }
        checkpoints.saveLast(state, rows.window());
        return state;
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
