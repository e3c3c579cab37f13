package org.textvae.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.textvae.TextvaeException;

/** A check, before long work, that its output can be written at all. */
public final class WritableFolder {

    private WritableFolder() {}

    /**
     * The nearest existing folder on the way to {@code folder} must take a new file. A probe file
     * tells more than {@link Files#isWritable}: it also catches read-only mounts and /proc, where
     * root may "write" but cannot create.
     *
     * @param failure the start of the one-line error, such as "cannot write out.csv"
     * @throws TextvaeException IO, with the reason, when it cannot
     */
    public static void require(Path folder, String failure) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    failure + ": " + existing + " is a file, not a folder");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".textvae-", ".probe"));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    failure
                            + ": cannot create files in "
                            + existing
                            + " ("
                            + IoErrors.reason(e)
                            + ")",
                    e);
        }
    }
}
