package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * Each model kind's loss on a tiny batch against a hand computation from the network's own outputs:
 * the VAE's is reconstruction + β·KL at the sampled z, the autoencoder's is the reconstruction at z
 * = μ, the language model's the reconstruction from a zero state.
 */
class VaeObjectiveTest {

    private static final TokenBatch.Specials SPECIALS = new TokenBatch.Specials(0, 1, 2, 3);
    private static final float BETA = 0.7f;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void lossIsTheHandComputedObjectiveOfEachKind(ModelKind kind) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(21);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(new ModelConfig(kind, 12, 6, 5, 3, false));
            network.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            TokenBatch batch =
                    TokenBatch.of(
                            manager,
                            List.of(new int[] {4, 5, 6}, new int[] {7, 8, 9}),
                            SPECIALS,
                            0,
                            null);
            NDArray epsilon =
                    manager.create(
                            new float[] {0.3f, -1.1f, 0.5f, 2.0f, 0.1f, -0.2f}, new Shape(2, 3));

            VaeObjective.Terms terms =
                    VaeObjective.compute(network, store, batch, epsilon, BETA, 0f, false);

            NDArray z = null;
            double kl = 0;
            if (kind.hasLatent()) {
                Posterior posterior = network.encode(store, batch.encoderIds(), null, false);
                float[] mean = posterior.mean().toFloatArray();
                float[] logVariance = posterior.logVariance().toFloatArray();
                float[] eps = epsilon.toFloatArray();
                float[] codes = new float[mean.length];
                for (int i = 0; i < mean.length; i++) {
                    codes[i] =
                            kind == ModelKind.VAE
                                    ? (float) (mean[i] + Math.exp(0.5 * logVariance[i]) * eps[i])
                                    : mean[i];
                    kl += 0.5 * (mean[i] * mean[i] + Math.exp(logVariance[i]) - 1 - logVariance[i]);
                }
                kl /= 2;
                z = manager.create(codes, new Shape(2, 3));
            }
            NDArray state = network.initialState(store, z, 2, manager, false);
            float[] logits =
                    network.decode(store, z, batch.decoderInputs(), state, false)
                            .head()
                            .toFloatArray();
            double reconstruction = crossEntropy(logits, batch.targets().toLongArray(), 12) / 2;
            double expectedKl = kind == ModelKind.VAE ? kl : 0;

            assertEquals(reconstruction, terms.reconstruction().getFloat(), 1e-4);
            assertEquals(expectedKl, terms.kl().getFloat(), 1e-4);
            assertEquals(reconstruction + BETA * expectedKl, terms.loss().getFloat(), 1e-4);
        }
    }

    /** Σ −log softmax(logits)[target] over all positions (nothing is padded here). */
    private static double crossEntropy(float[] logits, long[] targets, int vocabulary) {
        double total = 0;
        for (int position = 0; position < targets.length; position++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocabulary; v++) {
                max = Math.max(max, logits[position * vocabulary + v]);
            }
            double sum = 0;
            for (int v = 0; v < vocabulary; v++) {
                sum += Math.exp(logits[position * vocabulary + v] - max);
            }
            total -= logits[position * vocabulary + (int) targets[position]] - max - Math.log(sum);
        }
        return total;
    }
}
