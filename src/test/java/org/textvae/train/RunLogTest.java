package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.io.ProgressLine;

/** train.log keeps every line; the terminal shows them above the bar while one is drawn. */
class RunLogTest {

    @Test
    void linesGoAboveABarWhileItIsShownAndToTheConsoleOtherwise(@TempDir Path dir)
            throws Exception {
        List<String> console = new ArrayList<>();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        RunLog log = new RunLog(dir, console::add);
        log.accept("before the folder");
        log.open();
        ProgressLine bar =
                new ProgressLine(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        log.showAbove(bar);
        bar.accept("train 10%");
        log.accept("epoch 1: valid");
        // The bar's next frame, even if unchanged, comes back below the message.
        bar.accept("train 10%");
        log.showAbove(null);
        bar.close();
        log.accept("after the bar");

        assertEquals(List.of("before the folder", "after the bar"), console);
        assertEquals(
                "\rtrain 10%" + ProgressLine.ERASE_LINE + "epoch 1: valid\n\rtrain 10%\n",
                terminal.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        List<String> file = Files.readAllLines(dir.resolve(RunLog.FILE));
        assertEquals(3, file.size(), file.toString());
        assertTrue(file.get(1).endsWith(" epoch 1: valid"), file.get(1));
    }
}
