package org.textvae.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.Seeds;
import org.textvae.corpus.LengthBuckets;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelConfig;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * The importance-weighted estimate of −log p(x) of Burda et al. (2016), "Importance Weighted
 * Autoencoders": with k draws z_i ~ q(z|x) and log w_i = log p(x|z_i) + log N(z_i; 0, I) − log
 * q(z_i|x), NLL ≈ −(logsumexp_i log w_i − log k). Its expectation never exceeds the −ELBO and falls
 * towards the true NLL as k grows; He et al. (2019) use k = 500, the default here.
 *
 * <p>Each sentence draws its noise from its own generator, seeded by (seed, sentence index), so the
 * figure does not depend on how sentences are batched or samples chunked. The Gaussian densities
 * are computed in Java doubles; only the decoder runs in the engine. For a language model the
 * "estimate" is the exact NLL (there is no latent variable to integrate out).
 */
public final class ImportanceWeightedNll {

    /** Rows (sentences × samples) decoded in one pass: bounds the logits' memory. */
    public static final int DEFAULT_ROWS = 512;

    /**
     * The estimate over a data set.
     *
     * @param sentences sentences scored
     * @param tokens target tokens, {@code <eos>} included
     * @param samples k, the draws per sentence (1 for a language model: exact)
     * @param nll mean −log p(x) per sentence, nats
     */
    public record Result(int sentences, long tokens, int samples, double nll) {
        /** Perplexity per token, tokens counted with {@code <eos>}. */
        public double perplexity() {
            return Math.exp(nll * sentences / tokens);
        }
    }

    private ImportanceWeightedNll() {}

    /**
     * Estimates the NLL of {@code sentences} (token ids without specials).
     *
     * @param samples k draws per sentence (ignored by a language model)
     * @param maxRows most decoder rows per pass (see {@link #DEFAULT_ROWS})
     * @throws IllegalArgumentException for an autoencoder, which defines no density
     */
    public static Result estimate(
            SentenceVaeNetwork network,
            NDManager parent,
            List<int[]> sentences,
            TokenBatch.Specials specials,
            int samples,
            long seed,
            int maxRows) {
        return estimate(
                network,
                parent,
                sentences,
                specials,
                samples,
                seed,
                maxRows,
                ProgressListener.NONE);
    }

    /** As above, telling {@code progress} after each batch how many sentences are done. */
    public static Result estimate(
            SentenceVaeNetwork network,
            NDManager parent,
            List<int[]> sentences,
            TokenBatch.Specials specials,
            int samples,
            long seed,
            int maxRows,
            ProgressListener progress) {
        ModelConfig config = network.config();
        if (config.kind().hasLatent() && !config.kind().samplesLatent()) {
            throw new IllegalArgumentException("a deterministic autoencoder defines no p(x)");
        }
        if (samples <= 0 || maxRows <= 0 || sentences.isEmpty()) {
            throw new IllegalArgumentException("samples, rows and sentences must be positive");
        }
        int k = config.kind().hasLatent() ? samples : 1;
        int chunk = Math.min(k, maxRows);
        LengthBuckets buckets = new LengthBuckets(sentences, Math.max(1, maxRows / chunk));
        double total = 0;
        long tokens = 0;
        int done = 0;
        for (int[] members : buckets.epoch(seed, 0)) {
            try (NDManager manager = parent.newSubManager()) {
                double[] nll =
                        batch(network, manager, sentences, members, specials, k, chunk, seed);
                for (int i = 0; i < members.length; i++) {
                    total += nll[i];
                    tokens += sentences.get(members[i]).length + 1;
                }
            }
            done += members.length;
            progress.sentencesScored(done, sentences.size());
        }
        return new Result(sentences.size(), tokens, k, total / sentences.size());
    }

    /** −log p(x) of each member of one equal-length batch. */
    private static double[] batch(
            SentenceVaeNetwork network,
            NDManager manager,
            List<int[]> sentences,
            int[] members,
            TokenBatch.Specials specials,
            int k,
            int chunk,
            long seed) {
        int size = members.length;
        LogSumExp[] sums = new LogSumExp[size];
        SplittableRandom[] randoms = new SplittableRandom[size];
        List<int[]> batchSentences = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sums[i] = new LogSumExp();
            randoms[i] = new SplittableRandom(sentenceSeed(seed, members[i]));
            batchSentences.add(sentences.get(members[i]));
        }
        float[] means = null;
        float[] logVariances = null;
        if (network.config().kind().hasLatent()) {
            ParameterStore store = new ParameterStore(manager, false);
            TokenBatch batch = TokenBatch.of(manager, batchSentences, specials, 0, null);
            Posterior posterior = network.encode(store, batch.encoderIds(), null, false);
            means = posterior.mean().toFloatArray();
            logVariances = posterior.logVariance().toFloatArray();
        }
        for (int done = 0; done < k; done += chunk) {
            int count = Math.min(chunk, k - done);
            try (NDManager chunkManager = manager.newSubManager()) {
                Draws draws = means == null ? null : draw(means, logVariances, randoms, count);
                float[] reconstruction =
                        reconstruct(network, chunkManager, batchSentences, specials, draws, count);
                for (int row = 0; row < reconstruction.length; row++) {
                    double logWeight =
                            -reconstruction[row] + (draws == null ? 0 : draws.ratio[row]);
                    sums[row / count].add(logWeight);
                }
            }
        }
        double[] nll = new double[size];
        for (int i = 0; i < size; i++) {
            nll[i] = -(sums[i].value() - Math.log(k));
        }
        return nll;
    }

    /** Latent rows (sentence-major) and log N(z; 0, I) − log q(z|x) of each. */
    private record Draws(float[] z, double[] ratio, int latent) {}

    private static Draws draw(
            float[] means, float[] logVariances, SplittableRandom[] randoms, int count) {
        int latent = means.length / randoms.length;
        float[] z = new float[randoms.length * count * latent];
        double[] ratio = new double[randoms.length * count];
        for (int b = 0; b < randoms.length; b++) {
            for (int j = 0; j < count; j++) {
                int row = b * count + j;
                double logRatio = 0;
                for (int d = 0; d < latent; d++) {
                    double mean = means[b * latent + d];
                    double logVariance = logVariances[b * latent + d];
                    double sd = Math.exp(0.5 * logVariance);
                    float value = (float) (mean + sd * randoms[b].nextGaussian());
                    z[row * latent + d] = value;
                    double standardised = (value - mean) / sd;
                    // log N(z; 0, 1) − log N(z; μ, σ²); the ½ log 2π terms cancel.
                    logRatio +=
                            -0.5 * value * value
                                    + 0.5 * standardised * standardised
                                    + 0.5 * logVariance;
                }
                ratio[row] = logRatio;
            }
        }
        return new Draws(z, ratio, latent);
    }

    /** −log p(x|z) of each sentence repeated {@code count} times (sentence-major rows). */
    private static float[] reconstruct(
            SentenceVaeNetwork network,
            NDManager manager,
            List<int[]> batchSentences,
            TokenBatch.Specials specials,
            Draws draws,
            int count) {
        List<int[]> repeated = new ArrayList<>(batchSentences.size() * count);
        for (int[] sentence : batchSentences) {
            for (int j = 0; j < count; j++) {
                repeated.add(sentence);
            }
        }
        ParameterStore store = new ParameterStore(manager, false);
        TokenBatch batch = TokenBatch.of(manager, repeated, specials, 0, null);
        NDArray z =
                draws == null
                        ? null
                        : manager.create(draws.z, new Shape(repeated.size(), draws.latent));
        NDArray state = network.initialState(store, z, repeated.size(), manager, false);
        NDArray logits = network.decode(store, z, batch.decoderInputs(), state, false).head();
        return LossTerms.reconstruction(logits, batch.targets(), batch.mask()).toFloatArray();
    }

    /** The seed of one sentence's generator: independent of batching. */
    static long sentenceSeed(long seed, int index) {
        return Seeds.ofItem(seed, index);
    }

    /** A running log Σ exp(x_i) that never overflows: the sum is kept relative to the maximum. */
    static final class LogSumExp {
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;

        void add(double x) {
            if (x > max) {
                sum = sum * Math.exp(max - x) + 1;
                max = x;
            } else {
                sum += Math.exp(x - max);
            }
        }

        double value() {
            return max + Math.log(sum);
        }
    }
}
