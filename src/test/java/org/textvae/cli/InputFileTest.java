package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

/** --input reads a pipe, as the shell's {@code <(...)} gives one, and refuses a device by name. */
class InputFileTest {

    @Test
    void aPipeIsReadLikeStandardInput(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("lines");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer =
                new Thread(
                        () -> {
                            try {
                                Files.writeString(fifo, "春眠不覺曉\n處處聞啼鳥\n");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        writer.start();
        assertEquals(List.of("春眠不覺曉", "處處聞啼鳥"), InputFile.read(fifo.toString()).lines());
        writer.join();
    }

    @Test
    void aDeviceIsNamed() {
        TextvaeException error =
                assertThrows(TextvaeException.class, () -> InputFile.read("/dev/zero"));
        assertEquals(TextvaeException.Kind.IO, error.kind());
        assertTrue(
                error.getMessage().startsWith("/dev/zero is a character device, not a regular"),
                error.getMessage());
    }
}
