package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With tied embeddings the vocabulary layer is (P h + c) Eᵀ + b, with E the very table the inputs
 * are looked up in: the logits match that product computed by hand, the output layer's gradient
 * reaches the embedding rows of tokens that were never read, and the model has exactly the weights
 * the tying removes and adds.
 */
class TiedEmbeddingsTest {

    private static final int VOCAB = 11;
    private static final int EMBEDDING = 6;
    private static final int HIDDEN = 9;
    private static final int BATCH = 2;

    private static SentenceVaeNetwork network(NDManager manager, ModelKind kind, boolean tied) {
        Engine.getInstance().setRandomSeed(3);
        SentenceVaeNetwork network =
                new SentenceVaeNetwork(
                        new ModelConfig(kind, VOCAB, EMBEDDING, HIDDEN, 4, false, tied));
        network.initialize(manager);
        return network;
    }

    private static NDArray parameter(SentenceVaeNetwork network, String name) {
        // DJL prefixes each block's name with its position ("05decoder_03toEmbedding_weight").
        for (var entry : network.getParameters()) {
            if (entry.getKey().replaceAll("(^|_)\\d\\d", "$1").equals(name)) {
                return entry.getValue().getArray();
            }
        }
        throw new AssertionError(name + " not in " + network.getParameters().keys());
    }

    @Test
    void logitsAreTheProjectedStateTimesTheInputTable() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, ModelKind.VAE, true);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray z = manager.randomNormal(new Shape(BATCH, 4));
            NDArray state = network.initialState(store, z, BATCH, manager, false);
            NDArray ids = manager.create(new long[] {3, 7}, new Shape(BATCH, 1));
            NDList out = network.decode(store, z, ids, state, false);
            // One input step: the state after it is the GRU output the logits are computed from.
            NDArray h = out.get(1).squeeze(0);
            NDArray projected =
                    h.matMul(parameter(network, "decoder_toEmbedding_weight").transpose())
                            .add(parameter(network, "decoder_toEmbedding_bias"));
            NDArray expected =
                    projected
                            .matMul(parameter(network, "embedding_weight").transpose())
                            .add(parameter(network, "decoder_outputBias"));
            assertArrayEquals(expected.toFloatArray(), out.get(0).squeeze(1).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void theOutputLayerTrainsTheRowsOfTokensNeverRead() {
        assertTrue(outputGradientReachesUnreadRow(true), "tied: the row gets a gradient");
        assertFalse(outputGradientReachesUnreadRow(false), "untied: the row is never touched");
    }

    /** Whether the logit of token 9, read by no input, sends a gradient to the table's row 9. */
    private static boolean outputGradientReachesUnreadRow(boolean tied) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, ModelKind.LM, tied);
            NDArray ids = manager.create(new long[] {1, 4, 5, 1, 6, 2}, new Shape(BATCH, 3));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDArray state = network.initialState(store, null, BATCH, manager, true);
                NDArray logits = network.decode(store, null, ids, state, true).head();
                collector.backward(logits.get(new NDIndex(":, :, 9")).sum());
            }
            NDArray row = parameter(network, "embedding_weight").getGradient().get(9);
            return row.abs().sum().getFloat() > 0;
        }
    }

    @ParameterizedTest(name = "tied: {0}")
    @ValueSource(booleans = {false, true})
    void theStepwiseDecoderKeepsItsProductsInItsOwnManager(boolean tied) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork network = network(manager, ModelKind.VAE, tied);
            int before = manager.getManagedArrays().size();
            try (NDManager stepManager = NDManager.newBaseManager()) {
                DecoderStep.of(network, stepManager);
                // The precomputed arrays (with tied embeddings also E·P and E·c + b) belong to the
                // step's manager, and nothing was left behind in the network's.
                assertEquals(before, manager.getManagedArrays().size());
            }
        }
    }

    @Test
    void tyingReplacesTheVocabularyWeightsByAProjection() {
        try (NDManager manager = NDManager.newBaseManager()) {
            long untied = network(manager, ModelKind.VAE, false).weightCount();
            long tied = network(manager, ModelKind.VAE, true).weightCount();
            // Gone: the (vocabulary, hidden) weight. Added: the (embedding, hidden) projection and
            // its bias. The vocabulary bias stays.
            assertEquals(
                    (long) VOCAB * HIDDEN - (long) EMBEDDING * HIDDEN - EMBEDDING, untied - tied);
        }
    }
}
