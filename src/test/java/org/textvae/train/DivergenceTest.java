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
import org.textvae.model.Checkpoint;

/**
 * A run whose loss turns NaN or infinite stops with a NUMERIC error naming the step, and advice
 * that is true of the run: what was kept, and a fix that can actually be applied (a resumed run
 * keeps its settings, so it is never told to resume with another --lr).
 */
class DivergenceTest {

    /** Adam at this rate without clipping overflows on its second step. */
    private static TrainConfig diverging(int checkpointEvery) {
        TrainConfig base = TinyCorpus.training(1, 40, 1e30f, 0, new KlSchedule.Constant());
        return base.toBuilder().clipNorm(0f).checkpointEvery(checkpointEvery).build();
    }

    @Test
    void divergenceAfterACheckpointKeepsItAndAdvisesANewRun(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("run");
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, diverging(1)), line -> {}, false));
        assertEquals(TextvaeException.Kind.NUMERIC, error.kind());
        String message = error.getMessage();
        assertTrue(message.matches("training diverged at step \\d+ .*"), message);
        assertTrue(message.contains("are kept") && message.contains("new run"), message);
        assertTrue(message.contains("--lr") && message.contains("--clip 5"), message);
        assertFalse(message.contains("Resume with"), message);
        Checkpoint.read(new RunFolder(root).lastCheckpoint());
        assertTrue(Files.exists(new RunFolder(root).metrics()));
    }

    @Test
    void divergenceBeforeAnyCheckpointSaysSoAndLeavesNoFolder(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("run");
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, diverging(0)), line -> {}, false));
        assertEquals(TextvaeException.Kind.NUMERIC, error.kind());
        String message = error.getMessage();
        assertTrue(message.contains("before its first checkpoint"), message);
        assertTrue(message.contains("start again with a lower --lr"), message);
        assertFalse(message.contains("resum"), message);
        assertTrue(Files.notExists(root), "the same command can be run again");
    }

    @Test
    void aValidationThatIsNotFiniteStopsTheRunInsteadOfSavingItsWeights(@TempDir Path dir)
            throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("run");
        // One step at this rate leaves weights near 1e30: the step's own loss was finite, but
        // the validation after it is not.
        TrainConfig oneStep = diverging(0).toBuilder().maxSteps(1).build();
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, oneStep), line -> {}, false));
        assertEquals(TextvaeException.Kind.NUMERIC, error.kind());
        assertTrue(
                error.getMessage().startsWith("training diverged at step 1"), error.getMessage());
        assertTrue(error.getMessage().contains("validation"), error.getMessage());
        assertTrue(Files.notExists(root), "no checkpoint of the diverged weights");
    }
}
