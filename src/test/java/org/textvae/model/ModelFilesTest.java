package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

class ModelFilesTest {

    @Test
    void aRunFolderOrItsCheckpointsFolderNamesItsBestElseItsLast(@TempDir Path run)
            throws Exception {
        Path checkpoints = Files.createDirectories(run.resolve("checkpoints"));
        Path last = Files.createFile(checkpoints.resolve("last.ckpt"));
        assertEquals(last, ModelFiles.checkpointFile(run));
        assertEquals(last, ModelFiles.checkpointFile(checkpoints));
        Path best = Files.createFile(checkpoints.resolve("best.ckpt"));
        assertEquals(best, ModelFiles.checkpointFile(run));
        assertEquals(best, ModelFiles.checkpointFile(checkpoints));
        assertEquals(last, ModelFiles.checkpointFile(last), "a file names itself");
    }

    @Test
    void aFolderWithoutCheckpointsNamesTheFilesLookedFor(@TempDir Path run) throws Exception {
        String message = refusal(run);
        assertTrue(message.contains("checkpoints/best.ckpt"), message);
        assertTrue(message.contains("checkpoints/last.ckpt"), message);
        Path checkpoints = Files.createDirectories(run.resolve("checkpoints"));
        message = refusal(checkpoints);
        assertFalse(message.contains("checkpoints/checkpoints"), message);
        assertTrue(message.contains("neither best.ckpt nor last.ckpt"), message);
    }

    private static String refusal(Path path) {
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> ModelFiles.checkpointFile(path));
        assertEquals(TextvaeException.Kind.MODEL, e.kind());
        return e.getMessage();
    }
}
