package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole network on padded input: padding never reaches the encoder's final states (a sentence
 * encodes the same in a padded batch as alone), and the decoder really runs from the state it is
 * given, so step-by-step generation reproduces the logits of one pass over the whole sequence.
 */
class SentenceVaeNetworkTest {

    private static final int VOCAB = 12;
    private static final TokenBatch.Specials SPECIALS = new TokenBatch.Specials(0, 1, 2, 3);
    private static final List<int[]> SENTENCES =
            List.of(new int[] {4, 5, 6, 7, 8}, new int[] {9, 10}, new int[] {11, 4, 9});

    private static SentenceVaeNetwork network(NDManager manager, boolean latentAtEveryStep) {
        Engine.getInstance().setRandomSeed(31);
        SentenceVaeNetwork network =
                new SentenceVaeNetwork(
                        new ModelConfig(ModelKind.VAE, VOCAB, 16, 16, 4, latentAtEveryStep));
        network.initialize(manager);
        return network;
    }

    @Test
    void paddedBatchEncodesEachSentenceAsItEncodesAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, false);
            ParameterStore store = new ParameterStore(manager, false);
            TokenBatch padded = TokenBatch.of(manager, SENTENCES, SPECIALS, 0, null);
            Posterior together =
                    network.encode(store, padded.encoderIds(), padded.lengths(), false);
            float[] means = together.mean().toFloatArray();
            float[] logVariances = together.logVariance().toFloatArray();
            for (int b = 0; b < SENTENCES.size(); b++) {
                TokenBatch alone =
                        TokenBatch.of(manager, List.of(SENTENCES.get(b)), SPECIALS, 0, null);
                Posterior single =
                        network.encode(store, alone.encoderIds(), alone.lengths(), false);
                assertArrayEquals(
                        single.mean().toFloatArray(),
                        row(means, b, 4),
                        1e-5f,
                        "μ of sentence " + b);
                assertArrayEquals(
                        single.logVariance().toFloatArray(),
                        row(logVariances, b, 4),
                        1e-5f,
                        "log σ² of sentence " + b);
            }
        }
    }

    @Test
    void ignoringTheLengthsWouldLetPaddingIn() {
        // The control for the test above: the short sentences do change when encoded with their
        // padding as if it were text, so that test can tell the two apart.
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, false);
            ParameterStore store = new ParameterStore(manager, false);
            TokenBatch padded = TokenBatch.of(manager, SENTENCES, SPECIALS, 0, null);
            float[] withLengths =
                    network.encode(store, padded.encoderIds(), padded.lengths(), false)
                            .mean()
                            .toFloatArray();
            float[] withoutLengths =
                    network.encode(store, padded.encoderIds(), null, false).mean().toFloatArray();
            assertArrayEquals(row(withLengths, 0, 4), row(withoutLengths, 0, 4), 1e-5f);
            assertTrue(maxDifference(row(withLengths, 1, 4), row(withoutLengths, 1, 4)) > 1e-4);
        }
    }

    @ParameterizedTest(name = "z at every step: {0}")
    @ValueSource(booleans = {false, true})
    void decodingStepByStepGivesTheLogitsOfOnePass(boolean latentAtEveryStep) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, latentAtEveryStep);
            ParameterStore store = new ParameterStore(manager, false);
            TokenBatch batch = TokenBatch.of(manager, SENTENCES, SPECIALS, 0, null);
            NDArray inputs = batch.decoderInputs();
            long time = inputs.getShape().get(1);
            NDArray z = manager.randomNormal(new Shape(SENTENCES.size(), 4));
            NDArray start = network.initialState(store, z, SENTENCES.size(), manager, false);
            NDList whole = network.decode(store, z, inputs, start, false);
            NDArray state = start;
            for (long t = 0; t < time; t++) {
                NDArray step = inputs.get(new NDIndex(":, " + t + ":" + (t + 1)));
                NDList out = network.decode(store, z, step, state, false);
                float[] expected = whole.head().get(new NDIndex(":, " + t)).toFloatArray();
                assertArrayEquals(
                        expected, out.head().squeeze(1).toFloatArray(), 1e-5f, "step " + t);
                state = out.get(1);
            }
            assertArrayEquals(whole.get(1).toFloatArray(), state.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void anotherInitialStateGivesOtherLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, false);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray inputs = manager.create(new long[] {2, 4, 5}, new Shape(1, 3));
            NDArray z = manager.randomNormal(new Shape(1, 4));
            NDArray fromZ = network.initialState(store, z, 1, manager, false);
            NDArray fromZeros = manager.zeros(fromZ.getShape());
            float[] first = network.decode(store, z, inputs, fromZ, false).head().toFloatArray();
            float[] second =
                    network.decode(store, z, inputs, fromZeros, false).head().toFloatArray();
            assertEquals(first.length, second.length);
            assertTrue(maxDifference(first, second) > 1e-4, "the state must reach the logits");
        }
    }

    @Test
    void initialStateIsTanhOfTheLatentMapComputedByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, false);
            ParameterStore store = new ParameterStore(manager, false);
            float[] z = {0.3f, -1.2f, 2.0f, 0.7f};
            NDArray state =
                    network.initialState(
                            store, manager.create(z, new Shape(1, 4)), 1, manager, false);
            assertEquals(new Shape(1, 1, 16), state.getShape());
            float[] weight = parameter(network, "latentToState_weight");
            float[] bias = parameter(network, "latentToState_bias");
            float[] expected = new float[16];
            for (int h = 0; h < 16; h++) {
                double sum = bias[h];
                for (int d = 0; d < 4; d++) {
                    sum += weight[h * 4 + d] * z[d];
                }
                expected[h] = (float) Math.tanh(sum);
            }
            assertArrayEquals(expected, state.toFloatArray(), 1e-5f);
        }
    }

    private static float[] parameter(SentenceVaeNetwork network, String suffix) {
        return network.getParameters().stream()
                .filter(p -> p.getKey().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no parameter *" + suffix))
                .getValue()
                .getArray()
                .toFloatArray();
    }

    private static float[] row(float[] flat, int index, int width) {
        float[] out = new float[width];
        System.arraycopy(flat, index * width, out, 0, width);
        return out;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
