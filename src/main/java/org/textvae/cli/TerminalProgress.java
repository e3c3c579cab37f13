package org.textvae.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textvae.eval.ProgressListener;
import org.textvae.io.ProgressLine;

/**
 * A progress bar on stderr for a command's slow part, drawn only when a person is watching: in a
 * redirected log a bar redrawn with carriage returns is noise.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    /** Back to the start of the line and erase it, so a message does not follow the bar's text. */
    static final String ERASE_LINE = ProgressLine.ERASE_LINE;

    private final String task;
    private final String unit;
    private final ProgressLine line;
    private ProgressBar bar;

    /**
     * @param task the bar's label; null draws nothing
     * @param unit what is counted, with a leading space (" sentences")
     */
    TerminalProgress(String task, String unit, PrintStream out) {
        this.task = task;
        this.unit = unit;
        this.line = new ProgressLine(out);
    }

    /** A listener that draws on a terminal and does nothing otherwise. */
    static TerminalProgress forTerminal(String task) {
        return forTerminal(task, " sentences");
    }

    static TerminalProgress forTerminal(String task, String unit) {
        return new TerminalProgress(stderrIsTerminal() ? task : null, unit, System.err);
    }

    /**
     * Whether stderr, where bars go, is a terminal. Java 17 only tells whether stdin and stdout are
     * ({@link Options#onTerminal()}), which hid the bar of {@code generate -n 100000 > lines.txt}
     * and drew it into {@code 2> log}; Linux names stderr's file in /proc.
     */
    static boolean stderrIsTerminal() {
        try {
            String file = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return file.startsWith("/dev/pts/") || file.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Options.onTerminal();
        }
    }

    @Override
    public void sentencesScored(int done, int total) {
        step(done, total);
    }

    /** {@code done} of {@code total} units so far. */
    void step(long done, long total) {
        if (task == null) {
            return;
        }
        if (bar == null) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(total)
                            .setUnit(unit, 1)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(1000)
                            .setConsumer(line)
                            .build();
        }
        bar.stepTo(done);
    }

    /** Prints a line of its own, above the bar if one is shown. */
    void println(String message) {
        line.println(message);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            // A bar closed before its first scheduled update never closes its line itself.
            line.close();
        }
    }
}
