package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
