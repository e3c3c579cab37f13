package org.textvae.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** A reason is always words, never just the name of a temporary file. */
class IoErrorsTest {

    @Test
    void namesTheReasonJavaLeavesOut() {
        assertEquals(
                "permission denied", IoErrors.reason(new AccessDeniedException("/sys/.x.tmp")));
        assertEquals(
                "no such file or folder", IoErrors.reason(new NoSuchFileException("/p/.x.tmp")));
    }

    @Test
    void keepsTheReasonJavaGives() {
        assertEquals(
                "not a directory",
                IoErrors.reason(new FileSystemException("/etc/passwd/x", null, "Not a directory")));
        assertEquals(
                "No space left on device",
                IoErrors.reason(new IOException("No space left on device")));
    }
}
