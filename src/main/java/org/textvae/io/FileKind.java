package org.textvae.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a path that exists but is not a regular file is, in words, so that a refusal says so instead
 * of calling it missing: {@code <(cat en.txt)} is a pipe, {@code /dev/zero} a device.
 */
public final class FileKind {

    private static final int TYPE_BITS = 0170000;

    private FileKind() {}

    /** "a pipe", "a character device", ...; null when {@code path} is missing or regular. */
    public static String ofSpecial(Path path) {
        if (!Files.exists(path) || Files.isRegularFile(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return "a folder";
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & TYPE_BITS) {
                case 0010000 -> "a pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file"; // no unix view on this system
        }
    }

    /** Whether {@code path} is a pipe (a shell's {@code <(...)} or a FIFO). */
    public static boolean isPipe(Path path) {
        return "a pipe".equals(ofSpecial(path));
    }
}
