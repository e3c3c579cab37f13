package org.textvae.io;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * The terminal line a progress bar is redrawn on, shared by training and the other commands. It
 * skips a frame equal to the one shown: the library draws the final frame twice when it closes, and
 * a terminal that wrapped the line showed both.
 */
public final class ProgressLine extends ConsoleProgressBarConsumer {

    /** Back to the start of the line and erase it, so a message does not follow the bar's text. */
    public static final String ERASE_LINE = "\r\033[K";

    private final PrintStream out;
    private String shown;

    public ProgressLine(PrintStream out) {
        super(out);
        this.out = out;
    }

    @Override
    public synchronized void accept(String frame) {
        if (!frame.equals(shown)) {
            super.accept(frame);
            out.flush();
            shown = frame;
        }
    }

    /** Prints a line of its own, erasing the bar's; the next frame is drawn below it. */
    public synchronized void println(String message) {
        out.println(shown == null ? message : ERASE_LINE + message);
        shown = null;
    }

    @Override
    public synchronized void close() {
        if (shown != null) {
            out.println();
        }
        out.flush();
        shown = null;
    }
}
