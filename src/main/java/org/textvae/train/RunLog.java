package org.textvae.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.textvae.io.ProgressLine;

/**
 * The run folder's {@code train.log}: every line the run reports, with the time, kept beside the
 * metrics so that skipped lines and validation results survive the terminal that showed them. Lines
 * reported before {@link #open()} wait in memory: a new run checks its corpus before it creates its
 * folder, so that a corpus it cannot use leaves nothing behind.
 */
final class RunLog implements Consumer<String> {

    static final String FILE = "train.log";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final Consumer<String> console;
    private final List<String> waiting = new ArrayList<>();
    private ProgressLine bar;
    private boolean open;
    private boolean failed;

    RunLog(Path runDirectory, Consumer<String> console) {
        this.file = runDirectory.resolve(FILE);
        this.console = console;
    }

    /** Writes the waiting lines, and every later one, to the file: the run folder exists now. */
    void open() {
        open = true;
        waiting.forEach(this::write);
        waiting.clear();
    }

    /**
     * While a progress bar is drawn on {@code line}, lines go through it, so each erases the bar's
     * frame and the bar comes back below it; null goes back to the plain console.
     */
    void showAbove(ProgressLine line) {
        bar = line;
    }

    @Override
    public void accept(String line) {
        if (bar != null) {
            bar.println(line);
        } else {
            console.accept(line);
        }
        String stamped = LocalDateTime.now().format(TIME) + " " + line + System.lineSeparator();
        if (open) {
            write(stamped);
        } else {
            waiting.add(stamped);
        }
    }

    private void write(String stamped) {
        if (failed) {
            return;
        }
        try {
            Files.writeString(
                    file,
                    stamped,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log is a convenience: losing it must not stop a run whose checkpoints still save.
            failed = true;
            console.accept("cannot write " + file + " (" + e.getMessage() + "); logging here only");
        }
    }
}
