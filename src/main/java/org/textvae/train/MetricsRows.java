package org.textvae.train;

import java.io.IOException;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import org.textvae.eval.ElboEvaluator;

/**
 * The run's rows in {@code metrics.csv}: one per {@code logEvery} steps, the means over the steps
 * since the last row, and one per validation; the progress bar shows the latest means.
 */
final class MetricsRows implements AutoCloseable {

    private final MetricsLog log;
    private final int logEvery;
    private final ProgressBar bar;
    private MetricsWindow window;

    /**
     * @param step the step the run starts at: rows past it, left by an interrupted run, go
     * @param window the steps since the last row, saved in the checkpoint resumed from
     * @param bar the progress bar, or null
     */
    MetricsRows(Path file, long step, MetricsWindow window, int logEvery, ProgressBar bar)
            throws IOException {
        this.log = MetricsLog.open(file, step);
        this.window = window;
        this.logEvery = logEvery;
        this.bar = bar;
    }

    /** The steps since the last row, which a checkpoint keeps. */
    MetricsWindow window() {
        return window;
    }

    /** Counts a step, and writes a row when the run reaches a multiple of {@code logEvery}. */
    void afterStep(TrainingState state, TrainingStep.Outcome outcome, double seconds) {
        window.add(outcome, seconds);
        if (state.step() % logEvery == 0) {
            row(state);
            window = new MetricsWindow();
        }
    }

    void validation(TrainingState state, ElboEvaluator.Report report, double beta) {
        log.append(
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
    }

    private void row(TrainingState state) {
        double n = window.steps;
        double tokensPerSecond = window.tokens / window.seconds;
        log.append(
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

    @Override
    public void close() throws IOException {
        log.close();
    }
}
