package org.textvae.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Says why a file operation failed, in words a user can act on. */
public final class IoErrors {

    private IoErrors() {}

    /**
     * The reason for {@code e}. Java's file-system exceptions often carry only a file name (for
     * permission denied, the temporary file's), which alone reads as no reason at all.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return lowerFirst(f.getReason());
            }
            if (f instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (f instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (f instanceof NotDirectoryException) {
                return "not a folder";
            }
            if (f instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            if (f instanceof DirectoryNotEmptyException) {
                return "folder not empty";
            }
            return f.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty()
                ? text
                : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
