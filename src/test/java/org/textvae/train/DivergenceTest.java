package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;

/**
 * A run whose loss turns NaN or infinite stops with a NUMERIC error naming the step and a fix, and
 * the checkpoint written before it stays loadable.
 */
class DivergenceTest {

    @Test
    void absurdLearningRateStopsTheRunWithAClearMessage(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        TrainConfig base = TinyCorpus.training(1, 40, 1e30f, 0, new KlSchedule.Constant());
        TrainConfig diverging = base.toBuilder().clipNorm(0f).checkpointEvery(1).build();
        Path root = dir.resolve("run");
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, diverging), line -> {}, false));
        assertEquals(TextvaeException.Kind.NUMERIC, error.kind());
        assertTrue(error.getMessage().matches(".*diverged at step \\d+.*"), error.getMessage());
        assertTrue(error.getMessage().contains("--lr"), error.getMessage());
        Path last = new RunFolder(root).lastCheckpoint();
        if (Files.exists(last)) {
            Checkpoint.read(last);
        }
    }
}
