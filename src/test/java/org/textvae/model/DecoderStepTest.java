package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textvae.vocab.Vocabulary;

/**
 * The generation step with its precomputed input gates gives the logits and states of the network's
 * own decoder, step after step, for every kind of decoder (z at the start only, z at every step, no
 * z; own or tied vocabulary weights), and its bias carries an extra mask.
 */
class DecoderStepTest {

    private static final int VOCAB = 15;
    private static final int BATCH = 3;
    private static final long[][] TOKENS = {{1, 4, 9}, {1, 14, 2}, {1, 7, 7}};

    @ParameterizedTest
    @CsvSource({
        "VAE,false,false",
        "VAE,true,false",
        "LM,false,false",
        "AE,true,false",
        "VAE,false,true",
        "VAE,true,true",
        "LM,false,true"
    })
    void stepsMatchTheNetworksDecoder(
            ModelKind kind, boolean latentAtEveryStep, boolean tiedEmbeddings) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(
                            new ModelConfig(
                                    kind, VOCAB, 10, 12, 4, latentAtEveryStep, tiedEmbeddings));
            network.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray z = manager.randomNormal(new Shape(BATCH, 4));
            NDArray networkState = network.initialState(store, z, BATCH, manager, false);
            DecoderStep step = DecoderStep.of(network, manager);
            NDArray state = networkState.squeeze(0);
            NDArray latentGates = step.latentGates(z);
            assertEquals(latentAtEveryStep && kind.hasLatent(), latentGates != null);
            NDArray bias = step.outputBias(manager.zeros(new Shape(VOCAB)));
            for (int t = 0; t < TOKENS[0].length; t++) {
                long[] column = {TOKENS[0][t], TOKENS[1][t], TOKENS[2][t]};
                NDArray ids = manager.create(column);
                NDList expected =
                        network.decode(store, z, ids.reshape(BATCH, 1), networkState, false);
                networkState = expected.get(1);
                state = step.advance(ids, state, latentGates);
                assertArrayEquals(
                        networkState.squeeze(0).toFloatArray(),
                        state.toFloatArray(),
                        1e-5f,
                        "state after step " + t);
                assertArrayEquals(
                        expected.get(0).squeeze(1).toFloatArray(),
                        step.logits(state, bias).toFloatArray(),
                        1e-5f,
                        "logits of step " + t);
            }
        }
    }

    @Test
    void extraBiasMasksTokens() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(6);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(new ModelConfig(ModelKind.VAE, VOCAB, 10, 12, 4, false));
            network.initialize(manager);
            DecoderStep step = DecoderStep.of(network, manager);
            NDArray state = manager.randomNormal(new Shape(BATCH, 12));
            float[] mask = new float[VOCAB];
            NDArray free = step.logits(state, step.outputBias(manager.create(mask)));
            long[] best = free.argMax(1).toType(DataType.INT64, false).toLongArray();
            for (long id : best) {
                mask[(int) id] = Float.NEGATIVE_INFINITY;
            }
            NDArray masked = step.logits(state, step.outputBias(manager.create(mask)));
            float[] values = masked.toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                for (long id : best) {
                    assertEquals(Float.NEGATIVE_INFINITY, values[b * VOCAB + (int) id]);
                }
                long chosen = masked.argMax(1).toLongArray()[b];
                assertTrue(mask[(int) chosen] == 0f, "a banned token was chosen");
            }
        }
    }

    @Test
    void greedyTokensOfTheShippedModelAreThoseOfItsLinearLayer() {
        // Step after step on 128 prior codes, the packed layer's argmax picks what argmax over
        // the network's own (linear) vocabulary layer picks from the same state.
        Checkpoint checkpoint = ModelFiles.readDefault();
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the default model")) {
            Engine.getInstance().setRandomSeed(12);
            SentenceVaeNetwork network = checkpoint.network(manager, "the default model");
            ParameterStore store = new ParameterStore(manager, false);
            int rows = 128;
            NDArray z = manager.randomNormal(new Shape(rows, network.config().latentSize()));
            DecoderStep step = DecoderStep.of(network, manager);
            NDList linear = network.decoder().vocabularyLayer(manager);
            NDArray bias = step.outputBias(manager.zeros(new Shape(linear.get(1).size())));
            NDArray state = network.initialState(store, z, rows, manager, false).squeeze(0);
            NDArray latentGates = step.latentGates(z);
            NDArray previous = manager.full(new Shape(rows), vocabulary.bosId(), DataType.INT64);
            int differing = 0;
            for (int t = 0; t < 8; t++) {
                state = step.advance(previous, state, latentGates);
                long[] expected =
                        Linear.linear(state, linear.get(0), bias).head().argMax(1).toLongArray();
                NDArray chosen = step.mostLikely(state, bias);
                long[] actual = chosen.toLongArray();
                for (int b = 0; b < rows; b++) {
                    differing += expected[b] == actual[b] ? 0 : 1;
                }
                previous = chosen;
            }
            assertEquals(0, differing, "tokens that differ from the linear layer's choice");
        }
    }
}
