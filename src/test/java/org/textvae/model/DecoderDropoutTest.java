package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dropout masks, and where the decoder applies them. */
class DecoderDropoutTest {

    private static final ModelConfig CONFIG = new ModelConfig(ModelKind.VAE, 12, 16, 8, 4, false);

    @Test
    void masksKeepEachUnitWithProbabilityOneMinusPAndScaleWhatTheyKeep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DecoderDropout dropout =
                    DecoderDropout.sample(manager, new SplittableRandom(1), 0.3, CONFIG, 50, 40);
            assertEquals(new Shape(50, 40, 16), dropout.inputs().getShape());
            assertEquals(new Shape(50, 40, 8), dropout.outputs().getShape());
            float[] values = dropout.inputs().toFloatArray();
            long dropped = 0;
            for (float value : values) {
                assertTrue(value == 0f || value == (float) (1 / 0.7), "value " + value);
                dropped += value == 0f ? 1 : 0;
            }
            // 32,000 draws: the dropped share is within 4 standard deviations of 0.3.
            double share = (double) dropped / values.length;
            assertEquals(0.3, share, 4 * Math.sqrt(0.3 * 0.7 / values.length));
            DecoderDropout again =
                    DecoderDropout.sample(manager, new SplittableRandom(1), 0.3, CONFIG, 50, 40);
            assertArrayEquals(values, again.inputs().toFloatArray(), "same seed, same mask");
            assertNull(DecoderDropout.sample(manager, new SplittableRandom(1), 0, CONFIG, 2, 2));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> DecoderDropout.sample(manager, new SplittableRandom(1), 1, CONFIG, 2, 2));
        }
    }

    @Test
    void masksOfOnesChangeNothingAndZeroMasksCutTheirPath() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, 7);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray z = latents(manager);
            NDArray state = network.initialState(store, z, 2, manager, false);
            NDArray ids = inputIds(manager);
            NDArray otherIds = manager.create(new long[] {2, 9, 9, 9, 2, 4, 4, 4}, new Shape(2, 4));
            float[] plain = network.decode(store, z, ids, state, false).head().toFloatArray();

            DecoderDropout ones =
                    new DecoderDropout(
                            manager.ones(new Shape(2, 4, 16)), manager.ones(new Shape(2, 4, 8)));
            assertArrayEquals(
                    plain, network.decode(store, z, ids, state, ones, true).head().toFloatArray());

            // No embedding reaches the GRU: the input words no longer matter.
            DecoderDropout noInputs =
                    new DecoderDropout(
                            manager.zeros(new Shape(2, 4, 16)), manager.ones(new Shape(2, 4, 8)));
            float[] blind =
                    network.decode(store, z, ids, state, noInputs, true).head().toFloatArray();
            assertArrayEquals(
                    blind,
                    network.decode(store, z, otherIds, state, noInputs, true).head().toFloatArray(),
                    1e-6f);
            assertFalse(Arrays.equals(plain, blind));

            // No GRU output reaches the vocabulary layer: every position gets its bias alone.
            DecoderDropout noOutputs =
                    new DecoderDropout(
                            manager.ones(new Shape(2, 4, 16)), manager.zeros(new Shape(2, 4, 8)));
            float[] biasOnly =
                    network.decode(store, z, ids, state, noOutputs, true).head().toFloatArray();
            float[] bias =
                    network.getParameters().stream()
                            .filter(p -> p.getKey().endsWith("toVocabulary_bias"))
                            .findFirst()
                            .orElseThrow()
                            .getValue()
                            .getArray()
                            .toFloatArray();
            for (int position = 0; position < 8; position++) {
                assertArrayEquals(
                        bias,
                        Arrays.copyOfRange(biasOnly, position * 12, (position + 1) * 12),
                        1e-6f,
                        "position " + position);
            }
        }
    }

    @Test
    void recurrentMasksComeAfterTheOthersSoRunsWithoutThemDrawWhatTheyDrewBefore() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DecoderDropout plain =
                    DecoderDropout.sample(manager, new SplittableRandom(3), 0.3, CONFIG, 5, 6);
            DecoderDropout both =
                    DecoderDropout.sample(manager, new SplittableRandom(3), 0.3, 0.4, CONFIG, 5, 6);
            assertNull(plain.recurrentWeights());
            assertArrayEquals(plain.inputs().toFloatArray(), both.inputs().toFloatArray());
            assertArrayEquals(plain.outputs().toFloatArray(), both.outputs().toFloatArray());
            // DJL's GRU keeps its three gates' hidden-to-hidden weights as one (3 × hidden,
            // hidden).
            assertEquals(new Shape(24, 8), both.recurrentWeights().getShape());
            for (float value : both.recurrentWeights().toFloatArray()) {
                assertTrue(value == 0f || value == (float) (1 / 0.6), "value " + value);
            }

            DecoderDropout recurrentOnly =
                    DecoderDropout.sample(manager, new SplittableRandom(3), 0, 0.4, CONFIG, 5, 6);
            assertNull(recurrentOnly.inputs());
            assertNull(recurrentOnly.outputs());
            assertNotNull(recurrentOnly.recurrentWeights());
            IllegalArgumentException error =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    DecoderDropout.sample(
                                            manager, new SplittableRandom(3), 0, 1, CONFIG, 2, 2));
            assertEquals("recurrent dropout must be in [0, 1), got 1.0", error.getMessage());
        }
    }

    @Test
    void aRecurrentMaskActsAsIfTheWeightItselfHadBeenMasked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, 11);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray z = latents(manager);
            NDArray state = network.initialState(store, z, 2, manager, false);
            NDArray ids = inputIds(manager);
            float[] plain = network.decode(store, z, ids, state, false).head().toFloatArray();

            DecoderDropout ones = new DecoderDropout(null, null, manager.ones(new Shape(24, 8)));
            assertArrayEquals(
                    plain,
                    network.decode(store, z, ids, state, ones, true).head().toFloatArray(),
                    1e-6f,
                    "a mask of ones is the plain GRU");

            DecoderDropout drawn =
                    DecoderDropout.sample(manager, new SplittableRandom(5), 0, 0.5, CONFIG, 2, 4);
            float[] masked =
                    network.decode(store, z, ids, state, drawn, true).head().toFloatArray();
            assertFalse(Arrays.equals(plain, masked));

            // The reference: the same network with its weight overwritten by weight × mask, run
            // through the GRU block with no mask at all.
            NDArray weight = recurrentWeight(network).getArray();
            NDArray original = weight.duplicate();
            drawn.recurrentWeights().mul(weight).copyTo(weight);
            float[] reference = network.decode(store, z, ids, state, false).head().toFloatArray();
            original.copyTo(weight);
            assertArrayEquals(reference, masked, 1e-6f);
        }
    }

    @Test
    void theGradientReachesOnlyTheRecurrentWeightsTheMaskKeeps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, 13);
            NDArray ids = inputIds(manager);
            DecoderDropout drawn =
                    DecoderDropout.sample(manager, new SplittableRandom(8), 0, 0.5, CONFIG, 2, 4);
            NDArray z = manager.ones(new Shape(2, 4));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDArray state = network.initialState(store, z, 2, manager, true);
                NDArray logits = network.decode(store, z, ids, state, drawn, true).head();
                collector.backward(logits.square().sum());
            }
            float[] mask = drawn.recurrentWeights().toFloatArray();
            float[] gradient = recurrentWeight(network).getArray().getGradient().toFloatArray();
            int kept = 0;
            int reached = 0;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] == 0f) {
                    // −0 is zero too: the product with a zero mask may carry the gradient's sign.
                    assertTrue(gradient[i] == 0f, "weight " + i + " was dropped: " + gradient[i]);
                } else {
                    kept++;
                    reached += gradient[i] != 0f ? 1 : 0;
                }
            }
            assertTrue(kept > 0 && reached > kept / 2, reached + " of " + kept + " kept weights");
        }
    }

    private static SentenceVaeNetwork network(NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        SentenceVaeNetwork network = new SentenceVaeNetwork(CONFIG);
        network.initialize(manager);
        return network;
    }

    /** Two latent codes (2, 4). */
    private static NDArray latents(NDManager manager) {
        float[] values = {0.5f, -1f, 0.2f, 1.5f, -0.3f, 0f, 1f, 2f};
        return manager.create(values, new Shape(2, 4));
    }

    /** Decoder input ids (2, 4). */
    private static NDArray inputIds(NDManager manager) {
        return manager.create(new long[] {2, 4, 5, 6, 2, 7, 8, 9}, new Shape(2, 4));
    }

    private static Parameter recurrentWeight(SentenceVaeNetwork network) {
        return network.getParameters().stream()
                .filter(p -> p.getKey().contains("decoder") && p.getKey().endsWith("h2h_WEIGHT"))
                .findFirst()
                .orElseThrow()
                .getValue();
    }
}
