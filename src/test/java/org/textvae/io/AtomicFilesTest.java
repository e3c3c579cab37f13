package org.textvae.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails half way (a full disk, a kill) leaves the previous file exactly as it was and
 * no temporary file behind; a write that succeeds replaces it whole.
 */
class AtomicFilesTest {

    @Test
    void failedWriteKeepsThePreviousFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("last.ckpt");
        AtomicFiles.writeString(target, "the previous checkpoint");
        IOException full =
                assertThrows(
                        IOException.class,
                        () ->
                                AtomicFiles.write(
                                        target,
                                        out -> {
                                            out.write(
                                                    "half of a new one"
                                                            .getBytes(StandardCharsets.UTF_8));
                                            throw new IOException("No space left on device");
                                        }));
        assertEquals("No space left on device", full.getMessage());
        assertEquals("the previous checkpoint", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void successfulWriteReplacesTheFileWholeAndReadableByOthers(@TempDir Path dir)
            throws Exception {
        Path target = dir.resolve("nested/metrics.csv");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(
                "rw-r--r--",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(target)));
    }
}
