package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.textvae.io.ProgressLine;

/** What a bar writes to a terminal, captured without one. */
class TerminalProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aMessageErasesTheBarInsteadOfFollowingIt() {
        ProgressLine line = new ProgressLine(out);
        line.accept("train 50%");
        line.println("step 30: valid");
        line.accept("train 100%");
        line.accept("train 100%");
        line.close();
        assertEquals(
                "\rtrain 50%" + TerminalProgress.ERASE_LINE + "step 30: valid\n\rtrain 100%\n",
                written().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aMessageWithoutABarIsAPlainLine() {
        ProgressLine line = new ProgressLine(out);
        line.println("step 30: valid");
        line.close();
        assertEquals("step 30: valid\n", written().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFinishedBarEndsItsLineAndShowsItsLastFrameOnce() {
        try (TerminalProgress progress = new TerminalProgress("generate", " lines", out)) {
            progress.step(0, 200);
            progress.step(100, 200);
            progress.println("halfway");
            progress.step(200, 200);
        }
        String written = written();
        assertTrue(written.endsWith(System.lineSeparator()), written);
        Matcher full = Pattern.compile("100%").matcher(written);
        assertEquals(1, full.results().count(), written);
        assertTrue(
                Pattern.compile("(^|\n|" + Pattern.quote(TerminalProgress.ERASE_LINE) + ")halfway")
                        .matcher(written)
                        .find(),
                written);
    }

    @Test
    void nothingIsDrawnWithoutATask() {
        try (TerminalProgress progress = new TerminalProgress(null, " lines", out)) {
            progress.step(100, 200);
        }
        assertEquals("", written());
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
