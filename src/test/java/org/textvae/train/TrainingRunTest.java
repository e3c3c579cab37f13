package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;

/**
 * The real training run on a 40-line corpus: the run folder describes itself, the same seed repeats
 * a run exactly and another seed does not, a run stopped (or killed) and resumed retraces the
 * uninterrupted one step for step, the loss falls on a corpus small enough to memorise, and a new
 * run refuses to overwrite an existing one.
 */
class TrainingRunTest {

    private static final int STEPS = 20;
    private static final long SEED = 7;

    /** tokens_per_s and seconds are wall-clock figures; every other column must repeat. */
    private static final int REPEATABLE_COLUMNS = 10;

    @TempDir static Path shared;
    private static TinyCorpus tiny;

    /** The uninterrupted reference run, trained once for the whole class. */
    private static TrainingResult reference;

    @TempDir Path dir;

    @BeforeAll
    static void trainReference() throws IOException {
        tiny = TinyCorpus.in(shared);
        reference =
                TrainingRun.start(tiny.job(shared.resolve("a"), SEED, STEPS), line -> {}, false);
    }

    @Test
    void runFolderHoldsConfigCommandManifestMetricsAndCheckpoints() throws Exception {
        Path root = reference.folder().root();
        TrainingJob job =
                JobJson.GSON.fromJson(
                        Files.readString(root.resolve("config.json")), TrainingJob.class);
        assertEquals(tiny.job(root, SEED, STEPS), job);
        assertEquals(
                "textvae train --out " + root + "\n",
                Files.readString(root.resolve("command.txt")));
        JsonObject manifest =
                JsonParser.parseString(Files.readString(root.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals(SEED, manifest.get("seed").getAsLong());
        assertEquals(RunFolder.sha256(tiny.corpus()), manifest.get("corpus_sha256").getAsString());
        for (String checkpoint : List.of("last.ckpt", "best.ckpt")) {
            Checkpoint read = Checkpoint.read(root.resolve("checkpoints").resolve(checkpoint));
            assertEquals(job.model(), read.config(), checkpoint);
        }
        assertEquals(STEPS, reference.state().step());
        assertEquals(STEPS, reference.losses().size());
    }

    @Test
    void trainLogKeepsTheCorpusCountsAndEveryValidationLine() throws Exception {
        List<String> log = Files.readAllLines(reference.folder().root().resolve(RunLog.FILE));
        assertTrue(
                log.stream().anyMatch(l -> l.contains("corpus: 36 training and 4 validation")),
                String.join("\n", log));
        assertTrue(
                log.stream()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                ".*model: VAE, embedding \\d+, .*; [0-9,]+ weights")),
                String.join("\n", log));
        long validations =
                log.stream().filter(line -> line.contains("valid reconstruction")).count();
        long validRows =
                Files.readAllLines(reference.folder().metrics()).stream()
                        .filter(row -> row.startsWith("valid,"))
                        .count();
        assertEquals(validRows, validations, String.join("\n", log));
    }

    @Test
    void metricsHaveTheHeaderATrainRowPerStepAndAValidRowPerEpochAndAtTheEnd() throws Exception {
        List<String[]> rows = readMetrics(reference.folder().root());
        assertArrayEquals(MetricsLog.HEADER, rows.get(0));
        List<Long> trainSteps = new ArrayList<>();
        List<Long> validSteps = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            assertEquals(MetricsLog.HEADER.length, row.length, Arrays.toString(row));
            (row[0].equals("train") ? trainSteps : validSteps).add(Long.parseLong(row[1]));
        }
        List<Long> expected = new ArrayList<>();
        for (long step = 1; step <= STEPS; step++) {
            expected.add(step);
        }
        assertEquals(expected, trainSteps);
        int perEpoch = TinyCorpus.STEPS_PER_EPOCH;
        assertEquals(List.of((long) perEpoch, 2L * perEpoch, (long) STEPS), validSteps);
        // With logEvery 1 each train row is one step: its loss column is that step's loss.
        for (int step = 1; step <= STEPS; step++) {
            float logged = Float.parseFloat(trainRow(rows, step)[6]);
            assertEquals(reference.losses().get(step - 1), logged, 1e-6f, "step " + step);
        }
    }

    @Test
    void sameSeedRepeatsTheLossesExactlyAndAnotherSeedDoesNot() {
        TrainingResult again =
                TrainingRun.start(tiny.job(dir.resolve("again"), SEED, STEPS), line -> {}, false);
        assertEquals(reference.losses(), again.losses());
        TrainingResult other =
                TrainingRun.start(
                        tiny.job(dir.resolve("other"), SEED + 1, STEPS), line -> {}, false);
        assertNotEquals(reference.losses(), other.losses());
    }

    @ParameterizedTest(name = "stopped at step {0}")
    @ValueSource(longs = {8, 10})
    void stoppedAndResumedRunRetracesTheUninterruptedOne(long stopAt) throws Exception {
        Path root = dir.resolve("b");
        TrainingRun.start(tiny.job(root, SEED, stopAt), line -> {}, false);
        TrainingResult resumed = TrainingRun.resume(root, null, (long) STEPS, line -> {}, false);
        assertEquals(STEPS, resumed.state().step());
        assertEquals(reference.losses().subList((int) stopAt, STEPS), resumed.losses());
        assertSameTrainRows(reference.folder().root(), root);
        assertSameOutputs(reference.folder().root(), root);
    }

    @Test
    void rowSpanningTheResumedCheckpointAveragesTheSameStepsAsUninterrupted() throws Exception {
        // Rows every 4 steps, a stop at step 10: the row of step 12 spans steps 9 to 12.
        TrainConfig training =
                tiny.job(dir, SEED, STEPS).training().toBuilder().logEvery(4).build();
        Path whole = dir.resolve("whole");
        TrainingRun.start(tiny.job(whole, training), line -> {}, false);
        Path root = dir.resolve("stopped");
        TrainingRun.start(
                tiny.job(root, training.toBuilder().maxSteps(10).build()), line -> {}, false);
        TrainingRun.resume(root, null, (long) STEPS, line -> {}, false);
        assertSameTrainRows(whole, root);
    }

    @Test
    void runKilledAfterACheckpointRedoesTheLostStepsExactly() throws Exception {
        Path root = dir.resolve("killed");
        TrainingRun.start(tiny.job(root, SEED, 5), line -> {}, false);
        Path atStep5 = dir.resolve("step5.ckpt");
        Path last = new RunFolder(root).lastCheckpoint();
        Files.copy(last, atStep5);
        TrainingRun.resume(root, null, 8L, line -> {}, false);
        // As if killed at step 8 before the next checkpoint: last.ckpt is still step 5's.
        Files.copy(atStep5, last, StandardCopyOption.REPLACE_EXISTING);
        TrainingResult resumed = TrainingRun.resume(root, null, (long) STEPS, line -> {}, false);
        assertEquals(reference.losses().subList(5, STEPS), resumed.losses());
        // Steps 6 to 8 of the lost attempt are dropped from metrics.csv, not logged twice.
        assertSameTrainRows(reference.folder().root(), root);
        assertSameOutputs(reference.folder().root(), root);
    }

    /** {@code job} reading {@code corpus}, validated on {@code valid} (null: a held-out share). */
    private static TrainingJob withData(TrainingJob job, Path corpus, Path valid) {
        return new TrainingJob(
                job.model(),
                job.training(),
                corpus,
                job.vocabulary(),
                valid,
                job.runDirectory(),
                job.commandLine());
    }

    @Test
    void resumeRefusesACorpusThatChangedSinceTheRunStarted() throws Exception {
        Path corpus = Files.copy(tiny.corpus(), dir.resolve("mine.csv"));
        TrainingJob job = tiny.job(dir.resolve("changed"), SEED, 5);
        TrainingRun.start(withData(job, corpus, null), line -> {}, false);
        Files.writeString(corpus, Files.readString(corpus).replaceFirst("\n[^\n]*\n", "\n"));
        String metrics = Files.readString(new RunFolder(job.runDirectory()).metrics());
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.resume(job.runDirectory(), null, 10L, line -> {}, false));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("has changed since the run started"), e.getMessage());
        assertEquals(metrics, Files.readString(new RunFolder(job.runDirectory()).metrics()));
    }

    @Test
    void resumeRefusesAValidationFileThatChangedSinceTheRunStarted() throws Exception {
        Path valid = Files.copy(tiny.corpus(), dir.resolve("held-out.csv"));
        TrainingJob job = tiny.job(dir.resolve("changed-valid"), SEED, 5);
        TrainingRun.start(withData(job, job.corpus(), valid), line -> {}, false);
        Files.writeString(valid, Files.readString(valid).replaceFirst("\n[^\n]*\n", "\n"));
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.resume(job.runDirectory(), null, 10L, line -> {}, false));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().startsWith(valid.toString()), e.getMessage());
    }

    @Test
    void resumingARunAtItsLimitChangesNothing() throws Exception {
        Path root = dir.resolve("finished");
        TrainingRun.start(tiny.job(root, SEED, 5), line -> {}, false);
        Path metrics = new RunFolder(root).metrics();
        List<String> before = Files.readAllLines(metrics);
        List<String> said = new ArrayList<>();
        TrainingResult again = TrainingRun.resume(root, null, null, said::add, false);
        assertEquals(5, again.state().step());
        assertEquals(List.of(), again.losses());
        assertEquals(before, Files.readAllLines(metrics), "no second validation row");
        assertTrue(
                said.stream().anyMatch(line -> line.startsWith("nothing to train: the run is at")),
                said.toString());
    }

    @Test
    void resumeRemovesTheHalfWrittenFilesOfAKilledRunAndNothingElse() throws Exception {
        Path root = dir.resolve("killed");
        TrainingRun.start(tiny.job(root, SEED, 5), line -> {}, false);
        Path checkpoints = root.resolve("checkpoints");
        // What AtomicFiles.write leaves when its process dies before the rename.
        Path leftover = Files.createTempFile(checkpoints, ".last.ckpt", ".tmp");
        Path unrelated = Files.writeString(checkpoints.resolve("notes.tmp"), "mine");
        List<String> said = new ArrayList<>();
        TrainingRun.resume(root, null, 6L, said::add, false);
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(unrelated), "only the writer's own temporaries go");
        assertTrue(
                said.contains("removed 1 unfinished file write the interrupted run left"),
                said.toString());
    }

    @Test
    void resumingWithoutTheRecordedCorpusSaysWhereItsPathComesFrom() throws Exception {
        TinyCorpus own = TinyCorpus.in(Files.createDirectories(dir.resolve("data")));
        Path root = dir.resolve("moved");
        TrainingRun.start(own.job(root, SEED, 5), line -> {}, false);
        Files.delete(own.corpus());
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.resume(root, null, 10L, line -> {}, false));
        assertEquals(TextvaeException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        assertFalse(e.getMessage().contains("--corpus"), "not an option of --resume");
    }

    @Test
    void theFolderARunStartedInFollowsFromItsRecordedPath() {
        Path here = Path.of("/data/work/runs/r");
        assertEquals(Path.of("/data/work"), RecordedCorpora.startedIn(Path.of("runs/r"), here));
        assertEquals(Path.of("/data/work"), RecordedCorpora.startedIn(Path.of("./runs/r/"), here));
        assertEquals(Path.of("/"), RecordedCorpora.startedIn(Path.of("data/work/runs/r"), here));
        assertNull(RecordedCorpora.startedIn(Path.of("other/r"), here), "moved or renamed");
        assertNull(RecordedCorpora.startedIn(Path.of("/elsewhere/runs/r"), here), "absolute");
    }

    @Test
    void reconstructionFallsOnACorpusSmallEnoughToMemorise() throws Exception {
        TrainConfig training =
                TinyCorpus.training(SEED, 45, 1e-2f, 0, new KlSchedule.Linear(1_000));
        TrainingResult result =
                TrainingRun.start(tiny.job(dir.resolve("fit"), training), line -> {}, false);
        List<String[]> rows = readMetrics(result.folder().root());
        double first = meanReconstruction(rows, 1, 5);
        double last = meanReconstruction(rows, 41, 45);
        assertTrue(last < 0.8 * first, "reconstruction " + first + " → " + last);
    }

    @Test
    void newRunIntoAFolderWithCheckpointsIsRefusedAndLeavesItAlone() throws Exception {
        Path root = reference.folder().root();
        byte[] checkpoint = Files.readAllBytes(new RunFolder(root).lastCheckpoint());
        String metrics = Files.readString(new RunFolder(root).metrics());
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, SEED, STEPS), line -> {}, false));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertTrue(
                e.getMessage().contains("--resume") && e.getMessage().contains("--out"),
                e.getMessage());
        assertArrayEquals(checkpoint, Files.readAllBytes(new RunFolder(root).lastCheckpoint()));
        assertEquals(metrics, Files.readString(new RunFolder(root).metrics()));
    }

    @Test
    void newRunIntoAFolderOfOtherFilesIsRefusedAndLeavesThemAlone() throws Exception {
        Path root = Files.createDirectories(dir.resolve("exported-model"));
        Files.writeString(root.resolve("metrics.csv"), "step,loss\n1,2.5\n");
        Files.writeString(root.resolve("config.json"), "{\"mine\": true}\n");
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(tiny.job(root, SEED, 2), line -> {}, false));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertEquals("step,loss\n1,2.5\n", Files.readString(root.resolve("metrics.csv")));
        assertEquals("{\"mine\": true}\n", Files.readString(root.resolve("config.json")));
        assertEquals(2, root.toFile().list().length);
    }

    @Test
    void newRunIntoAnEmptyFolderThatExistsIsAccepted() throws Exception {
        Path root = Files.createDirectories(dir.resolve("empty"));
        TrainingRun.start(tiny.job(root, SEED, 2), line -> {}, false);
        assertTrue(Files.exists(new RunFolder(root).lastCheckpoint()));
    }

    @Test
    void runRefusedForItsCorpusOrSettingsLeavesNoFolder() throws Exception {
        Path oneLine = Files.writeString(dir.resolve("one.txt"), "abc\n");
        TrainingJob job = tiny.job(dir.resolve("a/run"), SEED, 2);
        TrainingJob unusable =
                new TrainingJob(
                        job.model(),
                        job.training(),
                        oneLine,
                        job.vocabulary(),
                        null,
                        job.runDirectory(),
                        job.commandLine());
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(unusable, line -> {}, false));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(Files.notExists(dir.resolve("a")), "nothing is created for a refused run");

        TrainingJob lmWithPenalty =
                new TrainingJob(
                        new ModelConfig(ModelKind.LM, tiny.vocabSize(), 16, 16, 4, false),
                        job.training().toBuilder().factorGamma(2f).build(),
                        job.corpus(),
                        job.vocabulary(),
                        null,
                        job.runDirectory(),
                        job.commandLine());
        e =
                assertThrows(
                        TextvaeException.class,
                        () -> TrainingRun.start(lmWithPenalty, line -> {}, false));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertTrue(Files.notExists(dir.resolve("a")), "nothing is created for a refused run");
    }

    private static List<String[]> readMetrics(Path root) throws IOException, CsvException {
        try (CSVReader reader =
                new CSVReader(Files.newBufferedReader(new RunFolder(root).metrics()))) {
            return reader.readAll();
        }
    }

    private static String[] trainRow(List<String[]> rows, long step) {
        return rows.stream()
                .filter(row -> row[0].equals("train") && Long.parseLong(row[1]) == step)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no train row for step " + step));
    }

    private static double meanReconstruction(List<String[]> rows, long from, long to) {
        double sum = 0;
        for (long step = from; step <= to; step++) {
            sum += Double.parseDouble(trainRow(rows, step)[4]);
        }
        return sum / (to - from + 1);
    }

    /** Both runs' train rows, in order, agree on every column but the clock's. */
    private static void assertSameTrainRows(Path expectedRoot, Path actualRoot) throws Exception {
        List<String[]> expected = trainRows(expectedRoot);
        List<String[]> actual = trainRows(actualRoot);
        assertEquals(expected.size(), actual.size(), "train rows");
        for (int i = 0; i < expected.size(); i++) {
            for (int column = 0; column < REPEATABLE_COLUMNS; column++) {
                String want = expected.get(i)[column];
                String got = actual.get(i)[column];
                String where = "row " + (i + 1) + ", " + MetricsLog.HEADER[column];
                if (!want.equals(got)) {
                    double a = Double.parseDouble(want);
                    double b = Double.parseDouble(got);
                    assertEquals(a, b, 1e-5 * Math.max(1, Math.abs(a)), where);
                }
            }
        }
    }

    private static List<String[]> trainRows(Path root) throws Exception {
        return readMetrics(root).stream().filter(row -> row[0].equals("train")).toList();
    }

    /** The two runs' last checkpoints give the same outputs on a fixed batch. */
    private static void assertSameOutputs(Path expectedRoot, Path actualRoot) {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] expected = outputs(expectedRoot, manager);
            float[] actual = outputs(actualRoot, manager);
            assertArrayEquals(expected, actual, 1e-5f);
        }
    }

    private static float[] outputs(Path root, NDManager manager) {
        SentenceVaeNetwork network =
                Checkpoint.read(new RunFolder(root).lastCheckpoint()).network(manager);
        NDList inputs =
                new NDList(
                        manager.create(new long[] {4, 5, 6, 7, 8, 9}, new Shape(2, 3)),
                        manager.create(new long[] {2, 4, 5, 6, 2, 7, 8, 9}, new Shape(2, 4)),
                        manager.create(
                                new float[] {0.1f, -0.4f, 1.3f, 0.2f, -1f, 0.5f, 0f, 2f},
                                new Shape(2, 4)));
        return network.forward(new ParameterStore(manager, false), inputs, false)
                .head()
                .toFloatArray();
    }
}
