package org.textvae.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader (or a process killed at any moment) sees either the old file or the
 * complete new one, never half of either: write a temporary file beside the target, force it to
 * disk, then rename it over the target.
 */
public final class AtomicFiles {

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The names {@link Files#createTempFile} gives {@link #write}'s temporaries. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\d+\\.tmp");

    private AtomicFiles() {}

    /** Atomically replaces {@code target} with what {@code writer} produces. */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            readableByAll(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(
                        temporary,
                        absolute,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files that {@link #write} leaves in {@code directory} when its process
     * is killed mid-write (a hidden {@code .NAME<digits>.tmp} beside each target; a checkpoint's is
     * as large as the checkpoint). Call it only while no other process writes there.
     *
     * @return how many were deleted
     */
    public static int removeLeftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        DirectoryStream.Filter<Path> ours =
                path ->
                        LEFTOVER.matcher(path.getFileName().toString()).matches()
                                && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, ours)) {
            for (Path leftover : leftovers) {
                Files.delete(leftover);
                removed++;
            }
        }
        return removed;
    }

    /** Temporary files are private; the files they become should read like any other. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Atomically replaces {@code target} with a UTF-8 string. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
