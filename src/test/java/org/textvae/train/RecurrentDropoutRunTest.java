package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training with DropConnect on the decoder's recurrent weights, stopped and resumed. */
class RecurrentDropoutRunTest {

    private static final long SEED = 9;
    private static final long STEPS = 12;

    @TempDir Path dir;

    private static TrainConfig config(long maxSteps, float recurrentDropout) {
        return TinyCorpus.training(SEED, maxSteps, 0.03f, 0.25, new KlSchedule.Linear(10))
                .toBuilder()
                .dropout(0.3f)
                .recurrentDropout(recurrentDropout)
                .build();
    }

    @Test
    void itChangesTrainingAndAResumedRunRetracesTheUninterruptedOne() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        TrainingResult whole =
                TrainingRun.start(
                        tiny.job(dir.resolve("whole"), config(STEPS, 0.4f)), l -> {}, false);
        TrainingResult plain =
                TrainingRun.start(
                        tiny.job(dir.resolve("plain"), config(STEPS, 0f)), l -> {}, false);
        Path root = dir.resolve("resumed");
        TrainingRun.start(tiny.job(root, config(STEPS / 2, 0.4f)), l -> {}, false);
        // The resumed run reads its recurrent dropout back from the run folder.
        TrainingResult resumed = TrainingRun.resume(root, null, STEPS, l -> {}, false);
        List<Float> expected = whole.losses().subList((int) (STEPS / 2), (int) STEPS);
        assertEquals(expected, resumed.losses());
        assertNotEquals(plain.losses(), whole.losses());
    }
}
