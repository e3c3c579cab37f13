package org.textvae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.ChunkedDecoding;
import org.textvae.generate.DecodingOptions;
import org.textvae.generate.Encoding;
import org.textvae.generate.Interpolation;
import org.textvae.generate.SentencePair;
import org.textvae.generate.TinyModel;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;

/** The library entry point's contract: determinism, forms, paths, and clear errors. */
class SentenceVaeTest {

    @TempDir static Path directory;
    private static Path model;
    private static SentenceVae vae;

    @BeforeAll
    static void load() {
        model = TinyModel.write(directory, 8, 1);
        vae = SentenceVae.load(model, 1);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void sameSeedSameSamplesAndAnotherSeedOthers() {
        List<String> first = vae.sample(20, 7);
        assertEquals(first, vae.sample(20, 7));
        assertNotEquals(first, vae.sample(20, 8));
        assertEquals(20, first.size());
    }

    @Test
    void manyCodesDecodeAsTheirBatchesDoAlone() {
        int rows = ChunkedDecoding.ROWS;
        float[][] codes = vae.priorSamples(2 * rows + 44, 11);
        List<String> all = vae.decodeAll(codes, 12, 0, new int[0]);
        List<String> byBatch = new ArrayList<>();
        for (int from = 0; from < codes.length; from += rows) {
            float[][] part = Arrays.copyOfRange(codes, from, Math.min(codes.length, from + rows));
            byBatch.addAll(vae.decodeAll(part, 12, 0, new int[0]));
        }
        assertEquals(byBatch, all);
    }

    @Test
    void linesDoNotDependOnHowManyWorkersDecodeThem() {
        float[][] codes = vae.priorSamples(5 * ChunkedDecoding.ROWS, 13);
        DecodingOptions sampling = new DecodingOptions(12, 1.0, 0, 1, 9);
        try (SentenceVae parallel = SentenceVae.load(model, 3)) {
            assertEquals(3, parallel.decodingWorkers());
            assertEquals(
                    vae.decodeAll(codes, 12, 0, new int[0]),
                    parallel.decodeAll(codes, 12, 0, new int[0]));
            assertEquals(vae.decodeAll(codes, sampling), parallel.decodeAll(codes, sampling));
        }
    }

    @Test
    void samplingManyLinesIsRepeatableAndEachBatchDrawsItsOwn() {
        int rows = ChunkedDecoding.ROWS;
        float[] code = vae.priorSamples(1, 3)[0];
        float[][] same = new float[2 * rows][];
        Arrays.fill(same, code);
        DecodingOptions options = new DecodingOptions(12, 1.5, 0, 1, 5);
        List<String> first = vae.decodeAll(same, options);
        assertEquals(first, vae.decodeAll(same, options));
        // One z everywhere: had both batches the same generator, their lines would repeat.
        assertNotEquals(first.subList(0, rows), first.subList(rows, 2 * rows));
    }

    @Test
    void interpolationIncludesBothReconstructionsAsEndpoints() {
        List<String> path = vae.interpolate("春眠不覺曉", "獨釣寒江雪", 7);
        assertEquals(7, path.size());
        assertEquals(vae.reconstruct("春眠不覺曉"), path.get(0));
        assertEquals(vae.reconstruct("獨釣寒江雪"), path.get(6));
        List<String> spherical = vae.interpolate("春眠不覺曉", "獨釣寒江雪", 7, Interpolation.SPHERICAL);
        assertEquals(path.get(0), spherical.get(0));
        assertEquals(path.get(6), spherical.get(6));
    }

    @Test
    void slerpBetweenOppositeCodesWalksTheLineInsteadOfRoundingNoise() {
        float[] from = {0.3f, -1.2f, 0.7f};
        float[] to = {-0.3f, 1.2f, -0.7f};
        float[][] linear = Interpolation.LINEAR.points(from, to, 5);
        float[][] slerp = Interpolation.SPHERICAL.points(from, to, 5);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(linear[i], slerp[i], 1e-6f, "point " + i);
        }
    }

    @Test
    void interpolationPointsRunFromOneCodeToTheOther() {
        float[] from = {0, 0, 1};
        float[] to = {1, 0, 0};
        float[][] linear = Interpolation.LINEAR.points(from, to, 3);
        assertEquals(0.5f, linear[1][0], 1e-6);
        assertEquals(0.5f, linear[1][2], 1e-6);
        float[][] slerp = Interpolation.SPHERICAL.points(from, to, 3);
        double norm = Math.sqrt(slerp[1][0] * slerp[1][0] + slerp[1][2] * slerp[1][2]);
        assertEquals(1.0, norm, 1e-5, "slerp keeps the norm of unit endpoints");
    }

    @Test
    void slerpBetweenHugeCodesStaysOnTheirCircle() {
        // Squares of 1e20 overflow float; the path must still be the great circle, scaled.
        float[] from = {1e20f, 0, 0};
        float[] to = {1e20f, 1e20f, 0};
        float[] middle = Interpolation.SPHERICAL.points(from, to, 3)[1];
        float[] unitMiddle =
                Interpolation.SPHERICAL.points(new float[] {1, 0, 0}, new float[] {1, 1, 0}, 3)[1];
        for (int d = 0; d < 3; d++) {
            assertEquals(unitMiddle[d] * 1e20, middle[d], 1e14, "coordinate " + d);
        }
    }

    @Test
    void unknownCharactersAreReportedNotThrown() {
        Encoding encoding = vae.encode("春眠不覺龘");
        assertEquals(List.of("龘"), encoding.unknownTokens());
        assertEquals(8, encoding.mean().length);
        assertTrue(encoding.sigma()[0] > 0);
    }

    @Test
    void badInputGetsIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> vae.encode(""));
        assertThrows(IllegalArgumentException.class, () -> vae.encode("   "));
        assertThrows(IllegalArgumentException.class, () -> vae.encode("春".repeat(1000)));
        assertThrows(IllegalArgumentException.class, () -> vae.decode(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> vae.sample(0, 1));
        assertThrows(IllegalArgumentException.class, () -> vae.interpolate("春眠", "夜來", 1));
        assertThrows(IllegalArgumentException.class, () -> vae.encode("春\uD800眠"));
        assertThrows(IllegalArgumentException.class, () -> vae.encode("春眠\uDC00"));
        assertEquals(List.of("\uD840\uDC00"), vae.encode("春\uD840\uDC00").unknownTokens());
    }

    @Test
    void hugeCountsAreRefusedWithAMessageNotAnOutOfMemoryError() {
        float[] z = vae.priorSamples(1, 4)[0];
        int huge = Integer.MAX_VALUE;
        assertAtMost("count", () -> vae.sample(huge, 1));
        assertAtMost("count", () -> vae.priorSamples(SentenceVae.MAX_COUNT + 1, 1));
        assertAtMost("steps", () -> vae.interpolate(z, z, huge));
        assertEquals(SentenceVae.MAX_COUNT, vae.priorSamples(SentenceVae.MAX_COUNT, 1).length);
    }

    private static void assertAtMost(String what, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String message = e.getMessage();
        assertTrue(message.contains(what) && message.contains("1000000"), message);
    }

    @Test
    void decodingLengthsAndBannedIdsAreChecked() {
        float[][] codes = vae.priorSamples(2, 3);
        int limit = SentenceVae.MAX_LINE_TOKENS;
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.decodeAll(codes, limit + 1, 0, new int[0]));
        assertThrows(
                IllegalArgumentException.class, () -> vae.decodeAll(codes, 12, -1, new int[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.decodeAll(codes, 12, limit + 1, new int[0]));
        assertThrows(
                IllegalArgumentException.class, () -> vae.decodeAll(codes, 12, 0, new int[] {-1}));
        int size = vae.vocabulary().size();
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.decodeAll(codes, 12, 0, new int[] {size}));
        IllegalArgumentException longer =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> vae.decodeAll(codes, 3, 7, new int[0]));
        assertTrue(longer.getMessage().contains("maximum length (3)"), longer.getMessage());
        int[] unknown = {vae.vocabulary().unkId()};
        assertEquals(7, vae.decodeAll(codes, 7, 7, unknown).get(0).length());
        assertThrows(NullPointerException.class, () -> vae.decodeAll(codes, 12, 0, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.decodeAll(codes, DecodingOptions.greedy(limit + 1)));
        assertEquals(2, vae.decodeAll(codes, limit, 0, new int[] {size - 1}).size());
    }

    @Test
    void nullArgumentsAreNamedWhereTheyArePassed() {
        float[] z = vae.priorSamples(1, 4)[0];
        assertNamed("model path", () -> SentenceVae.load(null));
        assertNamed("interpolation path", () -> vae.interpolate("春", "秋", 3, null));
        assertNamed("interpolation path", () -> vae.interpolate(z, z, 3, null));
        assertNamed("first latent code", () -> Interpolation.LINEAR.points(null, z, 3));
        assertNamed("second latent code", () -> Interpolation.SPHERICAL.points(z, null, 3));
        assertNamed("sentence", () -> vae.encode(null));
        assertNamed("sentence", () -> vae.interpolate(null, "秋", 3, Interpolation.LINEAR));
        IllegalArgumentException sizes =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Interpolation.LINEAR.points(z, new float[z.length + 1], 3));
        assertTrue(
                sizes.getMessage().contains(z.length + " and " + (z.length + 1)),
                sizes.getMessage());
    }

    private static void assertNamed(String what, org.junit.jupiter.api.function.Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage().contains("the " + what + " is null"), e.getMessage());
    }

    @Test
    void damagedWeightsAreReportedWithTheFileAndTheCause() {
        Checkpoint good = Checkpoint.read(model);
        ModelConfig c = good.config();
        ModelConfig wider =
                new ModelConfig(
                        c.kind(),
                        c.vocabSize(),
                        c.embeddingSize(),
                        c.hiddenSize(),
                        2 * c.latentSize(),
                        c.latentAtEveryStep(),
                        c.tiedEmbeddings());
        byte[] half = Arrays.copyOf(good.weights(), good.weights().length / 2);
        List<Checkpoint> damaged =
                List.of(
                        new Checkpoint(wider, good.tokenizerJson(), good.weights(), Map.of()),
                        new Checkpoint(c, good.tokenizerJson(), half, Map.of()),
                        new Checkpoint(c, "{\"model\": 1", good.weights(), Map.of()));
        for (int i = 0; i < damaged.size(); i++) {
            Path file = directory.resolve("damaged-" + i + ".ckpt");
            damaged.get(i).write(file);
            TextvaeException e = assertThrows(TextvaeException.class, () -> SentenceVae.load(file));
            assertEquals(TextvaeException.Kind.MODEL, e.kind());
            String message = e.getMessage();
            assertTrue(message.contains(file.toString()) && !message.contains("(null)"), message);
        }
    }

    @Test
    void aLanguageModelIsRefusedForCodesAndABeamMustBeNarrowerThanTheVocabulary() {
        Path lmFile = TinyModel.write(directory, ModelKind.LM, TinyModel.LINES, 4, 5);
        try (SentenceVae lm = SentenceVae.load(lmFile)) {
            TextvaeException e = assertThrows(TextvaeException.class, () -> lm.sample(2, 1));
            assertTrue(e.getMessage().contains("no latent space to decode from"), e.getMessage());
        }
        int size = vae.vocabulary().size();
        float[][] codes = vae.priorSamples(1, 2);
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.decodeAll(codes, new DecodingOptions(3, 0, 0, size, 1)));
    }

    @Test
    void progressCountsRiseToTheLinesAndDoNotChangeThem() {
        float[][] codes = vae.priorSamples(5 * ChunkedDecoding.ROWS + 3, 17);
        DecodingOptions sampling = new DecodingOptions(6, 1.0, 0, 1, 9);
        try (SentenceVae parallel = SentenceVae.load(model, 3)) {
            List<Integer> counts = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> lines = parallel.decodeAll(codes, sampling, counts::add);
            assertEquals(vae.decodeAll(codes, sampling), lines);
            assertEquals(6, counts.size(), "one call per batch");
            for (int i = 1; i < counts.size(); i++) {
                assertTrue(counts.get(i) > counts.get(i - 1), counts.toString());
            }
            assertEquals(codes.length, counts.get(counts.size() - 1));
        }
    }

    @Test
    void encodingsOfTheSameSentenceAreEqual() {
        Encoding first = vae.encode("春眠不覺曉");
        assertEquals(first, vae.encode("春眠不覺曉"));
        assertEquals(first.hashCode(), vae.encode("春眠不覺曉").hashCode());
        assertNotEquals(first, vae.encode("夜來風雨聲"));
    }

    @Test
    void closeWaitsForCallsInProgressAndLaterCallsAreRefused() throws Exception {
        for (int round = 0; round < 3; round++) {
            SentenceVae shared = SentenceVae.load(model, 2);
            long seed = round;
            AtomicReference<Object> outcome = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread caller =
                    new Thread(
                            () -> {
                                started.countDown();
                                try {
                                    outcome.set(shared.sample(8 * ChunkedDecoding.ROWS, seed));
                                } catch (RuntimeException e) {
                                    outcome.set(e);
                                }
                            });
            caller.start();
            started.await();
            Thread.sleep(5L * round);
            shared.close();
            caller.join();
            // Either the call finished before close, or close came first and it was refused;
            // never an engine error from weights freed under it.
            Object result = outcome.get();
            if (result instanceof RuntimeException e) {
                assertTrue(
                        e instanceof IllegalStateException && e.getMessage().contains("is closed"),
                        String.valueOf(e));
            } else {
                assertEquals(8 * ChunkedDecoding.ROWS, ((List<?>) result).size());
            }
            assertThrows(IllegalStateException.class, () -> shared.sample(1, 1));
            shared.close();
        }
    }

    @Test
    void samplingAtTopOneAndBeamOfOneAgreeWithGreedy() {
        float[][] codes = vae.priorSamples(16, 4);
        List<String> greedy = vae.decodeAll(codes, DecodingOptions.greedy(12));
        assertEquals(greedy, vae.decodeAll(codes, new DecodingOptions(12, 1.0, 1, 1, 9)));
        assertEquals(greedy, vae.decodeAll(codes, new DecodingOptions(12, 0, 0, 1, 0)));
        assertEquals(greedy, vae.decodeAll(codes, new DecodingOptions(12, 0, 0, 1, 5)));
    }

    @Test
    void samplingIsSeededAndDiffersFromGreedyAtHighTemperature() {
        float[][] codes = vae.priorSamples(16, 4);
        DecodingOptions hot = new DecodingOptions(12, 5.0, 0, 1, 3);
        List<String> drawn = vae.decodeAll(codes, hot);
        assertEquals(drawn, vae.decodeAll(codes, hot));
        assertNotEquals(vae.decodeAll(codes, DecodingOptions.greedy(12)), drawn);
    }

    @Test
    void beamSearchScoresAtLeastAsWellAsGreedyOnAverage() {
        float[][] codes = vae.priorSamples(8, 5);
        List<String> greedy = vae.decodeAll(codes, DecodingOptions.greedy(12));
        List<String> beam = vae.decodeAll(codes, new DecodingOptions(12, 0, 0, 4, 0));
        double greedyScore = 0;
        double beamScore = 0;
        for (int i = 0; i < codes.length; i++) {
            greedyScore += ranked(vae.logProbability(codes[i], greedy.get(i)), greedy.get(i));
            beamScore += ranked(vae.logProbability(codes[i], beam.get(i)), beam.get(i));
        }
        assertTrue(beamScore >= greedyScore - 1e-3, beamScore + " < " + greedyScore);
    }

    /** The beam's ranking: log-probability with the length penalty of Wu et al. (2016). */
    private static double ranked(double logProbability, String line) {
        int tokens = line.codePointCount(0, line.length()) + 1;
        return logProbability / Math.pow((5.0 + tokens) / 6.0, 0.6);
    }

    @Test
    void nonFiniteLatentCodesAreRefused() {
        float[] z = new float[vae.config().latentSize()];
        z[1] = Float.NaN;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> vae.decode(z));
        assertTrue(e.getMessage().contains("value 1 is NaN"), e.getMessage());
        z[1] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> vae.logProbability(z, "ab"));
    }

    @Test
    void batchByBatchDecodingGivesTheSameLinesAndStopsWhenTheSinkDoes() {
        SentenceVae other = SentenceVae.load(TinyModel.write(directory, 8, 4), 2);
        try {
            float[][] codes = other.priorSamples(300, 9); // three batches on two workers
            DecodingOptions sampling = new DecodingOptions(6, 0.9, 0, 1, 3);
            List<List<String>> batches = new ArrayList<>();
            other.decodeEach(codes, sampling, batches::add);
            assertEquals(List.of(128, 128, 44), batches.stream().map(List::size).toList());
            assertEquals(
                    other.decodeAll(codes, sampling),
                    batches.stream().flatMap(List::stream).toList());

            int[] calls = {0};
            IllegalStateException stop =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    other.decodeEach(
                                            codes,
                                            sampling,
                                            batch -> {
                                                calls[0]++;
                                                throw new IllegalStateException("enough");
                                            }));
            assertEquals("enough", stop.getMessage());
            assertEquals(1, calls[0], "no batch handed over after the sink stopped");
        } finally {
            other.close();
        }
    }

    @Test
    void closingFromInsideACallIsRefusedInsteadOfWaitingForItself() {
        SentenceVae other = SentenceVae.load(TinyModel.write(directory, 8, 3), 2);
        DecodingOptions options = new DecodingOptions(4, 0, 0, 1, 1);
        // One batch runs on the caller's thread, three on the decoding pool's.
        for (int lines : new int[] {3, 300}) {
            float[][] codes = other.priorSamples(lines, 5);
            RuntimeException e =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () ->
                                    assertThrows(
                                            RuntimeException.class,
                                            () ->
                                                    other.decodeAll(
                                                            codes,
                                                            options,
                                                            done -> other.close())));
            assertTrue(
                    String.valueOf(rootCause(e).getMessage()).contains("from inside a call"),
                    e.toString());
        }
        assertEquals(2, other.sample(2, 1).size(), "still open");
        other.close();
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    @Test
    void aClosedModelRefusesWorkInsteadOfTouchingFreedMemory() {
        SentenceVae other = SentenceVae.load(TinyModel.write(directory, 8, 2));
        String line = other.sample(1, 1).get(0);
        other.close();
        other.close(); // closing twice is harmless
        assertThrows(IllegalStateException.class, () -> other.sample(1, 1));
        assertThrows(IllegalStateException.class, () -> other.encode(line));
        assertThrows(IllegalStateException.class, () -> other.reconstruct(line));
        assertThrows(IllegalStateException.class, () -> other.reconstructAll(List.of(line)));
        assertThrows(IllegalStateException.class, () -> other.encodeAll(List.of(line)));
        assertThrows(
                IllegalStateException.class,
                () ->
                        other.interpolateAll(
                                List.of(new SentencePair(line, line)), 3, Interpolation.LINEAR));
    }
}
