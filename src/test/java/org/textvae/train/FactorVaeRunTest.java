package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.model.ModelConfig;

/**
 * FactorVAE runs: the TC estimate and the discriminator's loss are logged every step, the penalty
 * changes training, and resume is exact with the discriminator in the checkpoint.
 */
class FactorVaeRunTest {

    private static final int STEPS = 14;

    @TempDir Path dir;

    private TrainingJob job(TinyCorpus tiny, Path root, long maxSteps, float gamma) {
        TrainConfig base = TinyCorpus.training(3, maxSteps, 1e-3f, 0.25, new KlSchedule.Linear(10));
        TrainConfig factor = base.toBuilder().factorGamma(gamma).build();
        return tiny.job(root, factor);
    }

    @Test
    void logsTheTcEstimateChangesTrainingAndResumesExactly() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        TrainingResult whole =
                TrainingRun.start(job(tiny, dir.resolve("a"), STEPS, 5f), l -> {}, false);
        TrainingResult plain =
                TrainingRun.start(job(tiny, dir.resolve("p"), STEPS, 0f), l -> {}, false);
        assertNotEquals(plain.losses(), whole.losses(), "the penalty takes part in training");

        List<String[]> rows = trainRows(dir.resolve("a"));
        assertEquals(STEPS, rows.size());
        int tc = List.of(MetricsLog.HEADER).indexOf("tc");
        int discriminator = List.of(MetricsLog.HEADER).indexOf("discriminator_loss");
        for (String[] row : rows) {
            assertFalse(row[tc].isEmpty());
            Double.parseDouble(row[tc]);
            double loss = Double.parseDouble(row[discriminator]);
            assertTrue(loss > 0 && Double.isFinite(loss), "a cross-entropy: " + loss);
        }

        Path stopped = dir.resolve("b");
        TrainingRun.start(job(tiny, stopped, 7, 5f), l -> {}, false);
        TrainingResult resumed = TrainingRun.resume(stopped, null, (long) STEPS, l -> {}, false);
        // A run that reaches its step limit validates and checkpoints there, so this resumes at 7.
        assertEquals(
                whole.losses().subList(7, STEPS),
                resumed.losses(),
                "the resumed steps repeat the uninterrupted ones, discriminator included");
        List<String[]> resumedRows = trainRows(stopped);
        for (int i = 0; i < STEPS; i++) {
            assertEquals(rows.get(i)[tc], resumedRows.get(i)[tc], "tc at row " + i);
        }
    }

    @Test
    void oneLatentDimensionIsRefusedBeforeAnythingIsWritten() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        TrainingJob four = job(tiny, dir.resolve("one"), STEPS, 5f);
        ModelConfig model = four.model();
        TrainingJob one =
                new TrainingJob(
                        new ModelConfig(
                                model.kind(),
                                model.vocabSize(),
                                model.embeddingSize(),
                                model.hiddenSize(),
                                1,
                                false),
                        four.training(),
                        four.corpus(),
                        four.vocabulary(),
                        four.validCorpus(),
                        four.runDirectory(),
                        four.commandLine());
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> TrainingRun.start(one, l -> {}, false));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertEquals(
                "--factor-gamma needs at least 2 latent dimensions (--latent), got 1",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("one")));
    }

    private static List<String[]> trainRows(Path root) throws Exception {
        try (Reader reader = Files.newBufferedReader(root.resolve("metrics.csv"));
                CSVReader csv = new CSVReader(reader)) {
            return csv.readAll().stream().filter(row -> row[0].equals("train")).toList();
        }
    }
}
