package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

/**
 * A run folder takes one writer: while a run holds it, a resume or a new run in it is refused with
 * one line naming the folder and the holder, and changes nothing; once the holder lets go, it
 * works.
 */
class OneWriterTest {

    @Test
    void aResumeWhileTheRunIsLiveIsRefusedAndTouchesNothing(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("run");
        TrainingRun.start(tiny.job(root, 1, 10), line -> {}, false);
        Map<String, byte[]> before = contents(root);
        try (RunLock live = RunLock.acquire(root)) {
            TextvaeException error =
                    assertThrows(
                            TextvaeException.class,
                            () -> TrainingRun.resume(root, null, 20L, line -> {}, false));
            assertEquals(TextvaeException.Kind.USAGE, error.kind());
            assertTrue(
                    error.getMessage().contains("run folder " + root + " is in use"),
                    error.getMessage());
            assertTrue(
                    error.getMessage().contains("pid " + ProcessHandle.current().pid()),
                    error.getMessage());
            assertEquals(before.keySet(), contents(root).keySet());
            before.forEach(
                    (name, bytes) -> assertArrayEquals(bytes, read(root.resolve(name)), name));
        }
        TrainingResult resumed = TrainingRun.resume(root, null, 20L, line -> {}, false);
        assertEquals(20, resumed.state().step());
    }

    @Test
    void aNewRunInAFolderInUseIsRefused(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("run");
        try (RunLock live = RunLock.acquire(root)) {
            TextvaeException error =
                    assertThrows(
                            TextvaeException.class,
                            () -> TrainingRun.start(tiny.job(root, 1, 5), line -> {}, false));
            assertTrue(error.getMessage().contains("is in use"), error.getMessage());
            assertEquals(
                    Map.of(RunLock.FILE, read(root.resolve(RunLock.FILE))).keySet(),
                    contents(root).keySet());
        }
    }

    @Test
    void aRunThatFailsBeforeItsFirstCheckpointTakesItsLockFileAway(@TempDir Path dir)
            throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Files.writeString(tiny.corpus(), "text,split\n");
        Path root = dir.resolve("run");
        assertThrows(
                TextvaeException.class,
                () -> TrainingRun.start(tiny.job(root, 1, 5), line -> {}, false));
        assertTrue(Files.notExists(root));
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), read(file));
            }
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
