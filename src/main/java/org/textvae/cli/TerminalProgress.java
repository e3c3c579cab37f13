package org.textvae.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textvae.eval.ProgressListener;

/**
 * A progress bar on stderr for an evaluation's slow part, drawn only when a person is watching: in
 * a redirected log a bar redrawn with carriage returns is noise.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private final String task;
    private ProgressBar bar;

    TerminalProgress(String task) {
        this.task = task;
    }

    /** A listener that draws on a terminal and does nothing otherwise. */
    static TerminalProgress forTerminal(String task) {
        return new TerminalProgress(Options.onTerminal() ? task : null);
    }

    @Override
    public void sentencesScored(int done, int total) {
        if (task == null) {
            return;
        }
        if (bar == null) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(total)
                            .setUnit(" sentences", 1)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(1000)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err))
                            .build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
