package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;

/**
 * A run folder on a disk that fills up: the checkpoint write fails with an IO error that says what
 * happened, the previous checkpoint stays loadable, and once space is freed the run resumes. Needs
 * a small tmpfs, so it runs where mounting is allowed (root) and is skipped elsewhere.
 */
class FullDiskTest {

    @TempDir Path dir;
    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void fullDiskReportsKeepsTheCheckpointAndResumesWhenFreed() throws Exception {
        Path disk = smallDisk("disk");

        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = disk.resolve("run");
        TrainingRun.start(tiny.job(root, 5, 10), line -> {}, false);
        Path last = new RunFolder(root).lastCheckpoint();
        byte[] before = Files.readAllBytes(last);

        Path filler = disk.resolve("filler");
        fill(filler);
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.resume(root, null, 20L, line -> {}, false));
        assertEquals(TextvaeException.Kind.IO, error.kind());
        assertTrue(error.getMessage().contains("No space left"), error.getMessage());
        assertTrue(error.getMessage().contains("continue with --resume"), error.getMessage());
        assertTrue(
                Files.exists(last) && java.util.Arrays.equals(before, Files.readAllBytes(last)),
                "the previous checkpoint is untouched");
        Checkpoint.read(last);

        Files.delete(filler);
        TrainingResult resumed = TrainingRun.resume(root, null, 20L, line -> {}, false);
        assertEquals(20, resumed.state().step());
    }

    @Test
    void aFullDiskBeforeTheFirstCheckpointSaysToRunAgainNotToResume() throws Exception {
        Path disk = smallDisk("small");

        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = disk.resolve("run");
        Path filler = disk.resolve("filler");
        fill(filler);
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, 5, 10), line -> {}, false));
        assertEquals(TextvaeException.Kind.IO, error.kind());
        assertTrue(
                error.getMessage().contains("run the same command again")
                        && !error.getMessage().contains("--resume"),
                error.getMessage());
        assertTrue(Files.notExists(root), "nothing is left to resume");
    }

    /**
     * A 4 MB tmpfs mounted at {@code name} in the test folder; the test is skipped without root.
     */
    private Path smallDisk(String name) throws Exception {
        Path disk = Files.createDirectories(dir.resolve(name));
        Process process =
                new ProcessBuilder(
                                "mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString())
                        .redirectErrorStream(true)
                        .start();
        Assumptions.assumeTrue(process.waitFor() == 0, "mounting a tmpfs needs root");
        mount = disk;
        return disk;
    }

    /** Writes until the file system refuses. */
    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }
}
