package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.model.Checkpoint;

/**
 * Learning-rate decay on a validation plateau, with decoder dropout on: a plateau takes the run
 * back to its best weights, the run stops at the set number of decays, and resume across a decay is
 * exact.
 */
class PlateauDecayRunTest {

    // A high rate on the tiny corpus makes validation get worse within a few epochs.
    private static final float RATE = 0.03f;
    private static final int EPOCHS = 8;
    private static final long SEED = 5;

    @TempDir static Path dir;
    private static TinyCorpus tiny;
    private static TrainingResult reference;
    private static List<String> referenceLog;

    private static TrainConfig config(long maxSteps, PlateauDecay plateau, float dropout) {
        TrainConfig base =
                TinyCorpus.training(SEED, maxSteps, RATE, 0.25, new KlSchedule.Linear(10));
        return base.toBuilder().epochs(EPOCHS).dropout(dropout).plateau(plateau).build();
    }

    @BeforeAll
    static void trainReference() throws Exception {
        tiny = TinyCorpus.in(dir);
        referenceLog = new ArrayList<>();
        reference =
                TrainingRun.start(
                        tiny.job(dir.resolve("reference"), config(0, decay(0), 0.3f)),
                        referenceLog::add,
                        false);
    }

    private static PlateauDecay decay(int stopAfter) {
        return new PlateauDecay(0.5f, stopAfter);
    }

    @Test
    void everyEpochWithoutABetterValidationDecaysOnce() {
        long plateaus =
                referenceLog.stream().filter(l -> l.contains("back to its weights")).count();
        assertTrue(plateaus >= 2, "the fixture must plateau at least twice, got " + plateaus);
        assertEquals(plateaus, reference.state().decays());
        long best = referenceLog.stream().filter(l -> l.contains("(best so far)")).count();
        assertEquals(EPOCHS, plateaus + best, "each epoch ends better or decays");
        assertTrue(
                referenceLog.stream().anyMatch(l -> l.contains("learning rate now 0.0150")),
                "the first decay halves the rate: " + referenceLog);
    }

    @Test
    void aPlateauRestoresTheBestWeightsAndTheSetDecayCountStopsTheRun() throws Exception {
        Path root = dir.resolve("stop");
        List<String> log = new ArrayList<>();
        TrainingResult stopped =
                TrainingRun.start(tiny.job(root, config(0, decay(1), 0.3f)), log::add, false);
        assertEquals(1, stopped.state().decays());
        assertTrue(stopped.state().epoch() < EPOCHS, "stopped early");
        assertTrue(log.get(log.size() - 1).startsWith("stopping after 1 learning-rate decays"));
        // The last checkpoint was written after the rewind: it holds the best weights.
        RunFolder folder = new RunFolder(root);
        try (NDManager manager = NDManager.newBaseManager()) {
            PairList<String, Parameter> last =
                    Checkpoint.read(folder.lastCheckpoint()).network(manager).getParameters();
            PairList<String, Parameter> best =
                    Checkpoint.read(folder.bestCheckpoint()).network(manager).getParameters();
            for (int i = 0; i < last.size(); i++) {
                assertArrayEquals(
                        best.get(i).getValue().getArray().toFloatArray(),
                        last.get(i).getValue().getArray().toFloatArray(),
                        last.get(i).getKey());
            }
        }
    }

    @Test
    void resumeAcrossADecayRetracesTheUninterruptedRun() {
        long firstDecayStep = reference.state().step();
        for (int i = 0; i < referenceLog.size(); i++) {
            if (referenceLog.get(i).contains("back to its weights")) {
                String validation = referenceLog.get(i - 1);
                firstDecayStep =
                        Long.parseLong(
                                validation.substring(5, validation.indexOf(':')).replace(",", ""));
                break;
            }
        }
        long stopAt = firstDecayStep + 2;
        Path root = dir.resolve("resumed");
        TrainingRun.start(tiny.job(root, config(stopAt, decay(0), 0.3f)), l -> {}, false);
        TrainingResult resumed = TrainingRun.resume(root, null, 0L, l -> {}, false);
        assertEquals(reference.state().step(), resumed.state().step());
        assertEquals(reference.state().decays(), resumed.state().decays());
        List<Float> expected = reference.losses().subList((int) stopAt, reference.losses().size());
        assertEquals(expected, resumed.losses());
    }

    @Test
    void dropoutAndTheDecayBothChangeTraining() {
        TrainingResult noDropout =
                TrainingRun.start(
                        tiny.job(dir.resolve("plain"), config(0, decay(0), 0f)), l -> {}, false);
        assertNotEquals(reference.losses(), noDropout.losses());
        TrainingResult constant =
                TrainingRun.start(
                        tiny.job(dir.resolve("constant"), config(0, PlateauDecay.OFF, 0.3f)),
                        l -> {},
                        false);
        assertEquals(0, constant.state().decays());
        assertNotEquals(reference.losses(), constant.losses());
        assertTrue(Files.exists(new RunFolder(dir.resolve("constant")).bestCheckpoint()));
    }
}
