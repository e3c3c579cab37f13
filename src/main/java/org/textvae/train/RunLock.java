package org.textvae.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.textvae.TextvaeException;
import org.textvae.io.IoErrors;

/**
 * The one writer of a run folder: an operating-system lock on {@code train.lock} in the folder,
 * held for the whole run, new or resumed. The system releases it when the process ends however it
 * ends, so a run killed with SIGKILL never leaves a stale lock. The file stays: deleting it would
 * let a second process lock a file that no longer has a name while a third locks its successor.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE = "train.lock";

    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Locks the run folder {@code root}, creating it if needed, and records this process's id in
     * the lock file. A refused lock writes nothing.
     *
     * @throws TextvaeException USAGE when another process holds the folder, IO when the lock file
     *     cannot be made
     */
    static RunLock acquire(Path root) {
        Path file = root.resolve(FILE);
        FileChannel channel = null;
        boolean created = Files.notExists(root);
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw inUse(root, file);
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n")
                                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new RunLock(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            if (created) {
                // A fresh run that cannot even lock leaves nothing behind to resume.
                deleteQuietly(file);
                deleteQuietly(root);
            }
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot lock run folder "
                            + root
                            + " ("
                            + IoErrors.reason(e)
                            + "); nothing was trained: run the same command again once that is"
                            + " mended",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: the error being reported matters more.
        }
    }

    /** The lock, or null when a process (this one included, on another channel) holds it. */
    /**
     * Locks a run folder for a command other than training that writes into it ({@code eval}'s CSV
     * and plot, {@code plot}'s pictures, {@code prior} rewriting a checkpoint), so that it never
     * writes beside a live training process. A folder that is not a run's (no {@code config.json})
     * is not locked.
     *
     * @param command the command's name, for the message
     * @param elsewhere how to avoid the folder, for the message ("" when there is no way)
     * @throws TextvaeException USAGE when a training process holds the folder
     */
    public static RunLock forWriting(Path root, String command, String elsewhere) {
        if (!Files.isRegularFile(root.resolve("config.json"))) {
            return new RunLock(null);
        }
        try {
            return acquire(root);
        } catch (TextvaeException e) {
            if (e.kind() != TextvaeException.Kind.USAGE) {
                throw e;
            }
            String holder = holder(root.resolve(FILE));
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    command
                            + " writes into run folder "
                            + root
                            + ", which a training process"
                            + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                            + " is using: wait for it to end"
                            + elsewhere);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static TextvaeException inUse(Path root, Path file) {
        String holder = holder(file);
        return new TextvaeException(
                TextvaeException.Kind.USAGE,
                "run folder "
                        + root
                        + " is in use by another training process"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + ": a run folder takes one writer; wait for it to end, or stop it and"
                        + " then --resume "
                        + root);
    }

    /** The process id the holder wrote, or "" when it cannot be told. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.matches("\\d{1,19}") ? text : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock; there is nothing more to do about a failure.
        }
    }

    /** Releases the lock (closing the channel does) and leaves the file in place. */
    @Override
    public void close() {
        if (channel != null) {
            closeQuietly(channel);
        }
    }
}
