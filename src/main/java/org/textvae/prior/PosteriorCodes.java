package org.textvae.prior;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.corpus.LengthBuckets;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * One code per sentence drawn from its posterior, z = μ + σ ε: together they are draws from the
 * aggregate posterior q(z), the distribution a fitted prior should match.
 */
final class PosteriorCodes {

    /** Sentences encoded per batch. */
    private static final int BATCH = 256;

    private PosteriorCodes() {}

    /** The posteriors N(μ, diag σ²) of some sentences, one row each. */
    record Posteriors(double[][] means, double[][] sigmas) {}

    /**
     * @param sentences token ids without specials, none empty
     * @param seed seeds ε
     * @return one code per sentence, in the order of {@code sentences}
     */
    static double[][] draw(
            SentenceVaeNetwork network,
            NDManager parent,
            TokenBatch.Specials specials,
            List<int[]> sentences,
            long seed) {
        Posteriors posteriors = encode(network, parent, specials, sentences);
        double[][] codes = posteriors.means();
        double[][] sigmas = posteriors.sigmas();
        // ε in sentence order, so the codes do not depend on how the batches fell.
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < codes.length; n++) {
            for (int d = 0; d < codes[n].length; d++) {
                codes[n][d] += sigmas[n][d] * random.nextGaussian();
            }
        }
        return codes;
    }

    /**
     * @param sentences token ids without specials, none empty
     * @return their posteriors, in the order of {@code sentences}
     */
    static Posteriors encode(
            SentenceVaeNetwork network,
            NDManager parent,
            TokenBatch.Specials specials,
            List<int[]> sentences) {
        int latent = network.config().latentSize();
        double[][] codes = new double[sentences.size()][];
        double[][] sigmas = new double[sentences.size()][];
        // Equal-length batches: no padding reaches the encoder's final states.
        for (int[] members : new LengthBuckets(sentences, BATCH).epoch(0, 0)) {
            List<int[]> batch = new ArrayList<>(members.length);
            for (int member : members) {
                batch.add(sentences.get(member));
            }
            try (NDManager manager = parent.newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                TokenBatch tokens = TokenBatch.of(manager, batch, specials, 0, null);
                Posterior posterior = network.encode(store, tokens.encoderIds(), null, false);
                float[] mean = posterior.mean().toFloatArray();
                float[] sigma = posterior.standardDeviation().toFloatArray();
                for (int row = 0; row < members.length; row++) {
                    codes[members[row]] = rowOf(mean, row, latent);
                    sigmas[members[row]] = rowOf(sigma, row, latent);
                }
            }
        }
        return new Posteriors(codes, sigmas);
    }

    private static double[] rowOf(float[] values, int row, int width) {
        double[] out = new double[width];
        for (int d = 0; d < width; d++) {
            out[d] = values[row * width + d];
        }
        return out;
    }
}
