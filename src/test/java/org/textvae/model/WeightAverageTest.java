package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.textvae.TextvaeException;

/**
 * Checkpoint averaging: every weight becomes the mean of the inputs' weights, and only one run's.
 */
class WeightAverageTest {

    // The small model and vocabulary of the checkpoint-file tests.
    private static final String TOKENIZER = CheckpointTest.TOKENIZER;
    private static final ModelConfig CONFIG = CheckpointTest.CONFIG;

    @Test
    void everyWeightIsTheMeanOfTheCheckpointsWeights() {
        List<Checkpoint> inputs = List.of(seeded(CONFIG, 1), seeded(CONFIG, 2), seeded(CONFIG, 3));
        Checkpoint mean = WeightAverage.of(inputs, List.of("a", "b", "c"));
        assertEquals(CONFIG, mean.config());
        assertEquals(TOKENIZER, mean.tokenizerJson());
        assertTrue(mean.extras().isEmpty(), "no training state: the mean is not resumable");
        List<float[]> a = weights(inputs.get(0));
        List<float[]> b = weights(inputs.get(1));
        List<float[]> c = weights(inputs.get(2));
        List<float[]> averaged = weights(mean);
        assertEquals(a.size(), averaged.size());
        for (int p = 0; p < a.size(); p++) {
            float[] expected = new float[a.get(p).length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (a.get(p)[i] + b.get(p)[i] + c.get(p)[i]) / 3;
            }
            assertArrayEquals(expected, averaged.get(p), 1e-6f, "parameter " + p);
        }
    }

    @Test
    void oneCheckpointAveragesToItself() {
        Checkpoint only = seeded(CONFIG, 4);
        List<float[]> expected = weights(only);
        List<float[]> actual = weights(WeightAverage.of(List.of(only), List.of("only")));
        for (int p = 0; p < expected.size(); p++) {
            assertArrayEquals(expected.get(p), actual.get(p), "parameter " + p);
        }
    }

    @Test
    void checkpointsOfDifferentModelsAreRefusedByName() {
        Checkpoint small = seeded(CONFIG, 1);
        Checkpoint wide = seeded(new ModelConfig(ModelKind.VAE, 12, 16, 24, 4, false), 1);
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () ->
                                WeightAverage.of(
                                        List.of(small, wide), List.of("e1.ckpt", "e2.ckpt")));
        assertEquals(TextvaeException.Kind.MODEL, error.kind());
        assertTrue(error.getMessage().startsWith("e2.ckpt has other model settings than e1.ckpt"));
        Checkpoint otherVocabulary =
                new Checkpoint(
                        CONFIG, TOKENIZER.replace("\"a\"", "\"z\""), small.weights(), Map.of());
        error =
                assertThrows(
                        TextvaeException.class,
                        () -> WeightAverage.of(List.of(small, otherVocabulary), List.of("x", "y")));
        assertTrue(error.getMessage().startsWith("y has another vocabulary than x"));
    }

    @Test
    void checkpointsOfAnotherRunAreRefusedWhenBothNameTheirRun() {
        Checkpoint weights = seeded(CONFIG, 1);
        Checkpoint runA = fromRun(weights, "2026-11-30T10:00:00Z");
        Checkpoint runB = fromRun(seeded(CONFIG, 2), "2026-11-30T11:00:00Z");
        TextvaeException error =
                assertThrows(
                        TextvaeException.class,
                        () -> WeightAverage.of(List.of(runA, runB), List.of("a.ckpt", "b.ckpt")));
        assertEquals(TextvaeException.Kind.MODEL, error.kind());
        assertTrue(
                error.getMessage().startsWith("b.ckpt comes from another run than a.ckpt"),
                error.getMessage());
        Checkpoint sameRun = fromRun(seeded(CONFIG, 2), "2026-11-30T10:00:00Z");
        assertEquals(
                Optional.of("2026-11-30T10:00:00Z"),
                WeightAverage.of(List.of(runA, sameRun), List.of("a", "c")).runStarted());
        // A checkpoint that names no run (written before runs were named) is taken on trust.
        assertEquals(
                Optional.empty(),
                WeightAverage.of(List.of(runA, weights), List.of("a", "w")).runStarted());
    }

    private static Checkpoint fromRun(Checkpoint checkpoint, String started) {
        return new Checkpoint(
                checkpoint.config(),
                checkpoint.tokenizerJson(),
                checkpoint.weights(),
                Map.of(Checkpoint.RUN_ENTRY, started.getBytes(StandardCharsets.UTF_8)));
    }

    private static Checkpoint seeded(ModelConfig config, int seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(seed);
            SentenceVaeNetwork network = new SentenceVaeNetwork(config);
            network.initialize(manager);
            return Checkpoint.of(network, TOKENIZER, Map.of("training/state", new byte[] {1}));
        }
    }

    private static List<float[]> weights(Checkpoint checkpoint) {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<float[]> weights = new ArrayList<>();
            for (Parameter parameter : checkpoint.network(manager).getParameters().values()) {
                weights.add(parameter.getArray().toFloatArray());
            }
            return weights;
        }
    }
}
