package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

/**
 * A new run's folder: only a new or empty one is accepted, and a run that fails before its first
 * checkpoint takes back exactly what it wrote and the folders it created, nothing else.
 */
class FreshFolderTest {

    /** The start of a config.json that a run writes. */
    private static final String JOB = "{\"model\": {\"kind\": \"VAE\"}, \"training\": {}}\n";

    @TempDir Path dir;

    @Test
    void folderHoldingAnythingIsRefusedWithWhatItHolds() throws Exception {
        Path root = Files.createDirectories(dir.resolve("model"));
        Files.writeString(root.resolve("metrics.csv"), "someone else's numbers\n");
        Files.writeString(root.resolve("config.json"), "{}\n");
        TextvaeException e = assertThrows(TextvaeException.class, () -> FreshFolder.claim(root));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertTrue(
                e.getMessage().contains("not empty")
                        && e.getMessage().contains("config.json, metrics.csv")
                        && e.getMessage().contains("--out"),
                e.getMessage());
    }

    @Test
    void aStartWithoutCheckpointsIsRefusedSayingWhatItMayBe() throws Exception {
        Path root =
                Files.createDirectories(dir.resolve("early").resolve("checkpoints")).getParent();
        Files.writeString(root.resolve("config.json"), JOB);
        Files.writeString(root.resolve(RunLog.FILE), "started\n");
        assertRefusedAsAnEarlyRun(root);
    }

    @Test
    void aRunKilledBeforeItsLogIsRecognisedToo() throws Exception {
        Path root = Files.createDirectories(dir.resolve("killed"));
        Files.writeString(root.resolve("config.json"), JOB);
        Files.writeString(root.resolve("command.txt"), "textvae train\n");
        Files.writeString(root.resolve(".manifest.json123.tmp"), "");
        assertRefusedAsAnEarlyRun(root);
        // Anything else beside it makes it an ordinary folder that is not empty.
        Files.writeString(root.resolve("notes.txt"), "mine");
        TextvaeException e = assertThrows(TextvaeException.class, () -> FreshFolder.claim(root));
        assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    }

    private static void assertRefusedAsAnEarlyRun(Path root) {
        TextvaeException e = assertThrows(TextvaeException.class, () -> FreshFolder.claim(root));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("still running, or it was stopped"), e.getMessage());
        assertTrue(Files.exists(root.resolve("config.json")), "nothing is deleted");
    }

    @Test
    void aFolderThatTakesNoFileIsRefusedBeforeAnyWork() {
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> FreshFolder.claim(Path.of("/proc/textvae-run")));
        assertEquals(TextvaeException.Kind.IO, e.kind());
        assertTrue(e.getMessage().startsWith("cannot write run folder"), e.getMessage());
    }

    @Test
    void manyEntriesAreSummarised() throws Exception {
        Path root = Files.createDirectories(dir.resolve("busy"));
        for (int i = 0; i < 7; i++) {
            Files.writeString(root.resolve("f" + i), "");
        }
        TextvaeException e = assertThrows(TextvaeException.class, () -> FreshFolder.claim(root));
        assertTrue(e.getMessage().contains("f0, f1, f2, and 4 more"), e.getMessage());
    }

    @Test
    void fileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        TextvaeException e = assertThrows(TextvaeException.class, () -> FreshFolder.claim(file));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void folderWithCheckpointsPointsToResume() throws Exception {
        Path root = dir.resolve("run");
        Files.createDirectories(root.resolve("checkpoints"));
        Files.writeString(root.resolve("checkpoints/last.ckpt"), "");
        TextvaeException e = assertThrows(TextvaeException.class, () -> FreshFolder.claim(root));
        assertTrue(e.getMessage().contains("--resume " + root), e.getMessage());
    }

    @Test
    void discardRemovesTheRunsFilesAndTheFoldersItCreated() throws Exception {
        Path root = dir.resolve("a/b/run");
        FreshFolder fresh = FreshFolder.claim(root);
        writeRunFiles(root);
        assertFalse(fresh.checkpointed());
        fresh.discard();
        assertFalse(Files.exists(dir.resolve("a")), "a/ did not exist before the run");
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void discardKeepsAnEmptyFolderThatExistedAndAnythingElseFound() throws Exception {
        Path root = Files.createDirectories(dir.resolve("empty"));
        FreshFolder fresh = FreshFolder.claim(root);
        writeRunFiles(root);
        fresh.discard();
        assertTrue(Files.isDirectory(root));
        assertEquals(0, root.toFile().list().length);

        Path other = dir.resolve("new");
        FreshFolder again = FreshFolder.claim(other);
        writeRunFiles(other);
        Files.writeString(other.resolve("notes.txt"), "written meanwhile");
        again.discard();
        assertEquals("written meanwhile", Files.readString(other.resolve("notes.txt")));
        assertFalse(Files.exists(other.resolve("config.json")));
    }

    @Test
    void discardKeepsEverythingOnceACheckpointExists() throws Exception {
        Path root = dir.resolve("run");
        FreshFolder fresh = FreshFolder.claim(root);
        writeRunFiles(root);
        Files.writeString(root.resolve("checkpoints/epoch-001.ckpt"), "");
        assertTrue(fresh.checkpointed());
        fresh.discard();
        assertTrue(Files.exists(root.resolve("metrics.csv")));
        assertTrue(Files.exists(root.resolve("checkpoints/epoch-001.ckpt")));
    }

    private static void writeRunFiles(Path root) throws Exception {
        Files.createDirectories(root.resolve("checkpoints"));
        for (String name :
                new String[] {
                    "config.json", "command.txt", "manifest.json", "metrics.csv", RunLog.FILE
                }) {
            Files.writeString(root.resolve(name), "x");
        }
    }
}
