package org.textvae.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The run folder's {@code train.log}: every line the run reports, with the time, kept beside the
 * metrics so that skipped lines and validation results survive the terminal that showed them.
 */
final class RunLog implements Consumer<String> {

    static final String FILE = "train.log";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final Consumer<String> console;
    private boolean failed;
    private boolean folderReady;

    RunLog(Path runDirectory, Consumer<String> console) {
        this.file = runDirectory.resolve(FILE);
        this.console = console;
    }

    @Override
    public void accept(String line) {
        console.accept(line);
        if (failed) {
            return;
        }
        try {
            if (!folderReady) {
                Files.createDirectories(file.getParent());
                folderReady = true;
            }
            Files.writeString(
                    file,
                    LocalDateTime.now().format(TIME) + " " + line + System.lineSeparator(),
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
