package org.textvae.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.corpus.LengthBuckets;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelConfig;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * The ELBO's two terms over a set of sentences, with one posterior sample per sentence drawn from a
 * seeded generator (so the figure repeats), and the active units of Burda et al. (2016).
 */
public final class ElboEvaluator {

    /** A posterior mean's dimension is active when its variance over the data exceeds this. */
    public static final double ACTIVE_UNIT_THRESHOLD = 0.01;

    /**
     * ELBO figures over a data set.
     *
     * @param sentences how many sentences were scored
     * @param tokens target tokens scored, {@code <eos>} included
     * @param reconstruction mean −log p(x|z) per sentence, nats
     * @param kl mean KL(q(z|x) ‖ N(0, I)) per sentence, nats (0 for AE and LM)
     * @param activeUnits latent dimensions with Cov_x(E_q[z]) > 0.01 (0 for an LM)
     */
    public record Report(
            int sentences, long tokens, double reconstruction, double kl, int activeUnits) {
        /** −ELBO per sentence, nats: an upper bound on the NLL. */
        public double negativeElbo() {
            return reconstruction + kl;
        }

        /** Perplexity per token implied by the −ELBO, tokens counted with {@code <eos>}. */
        public double perplexity() {
            return Math.exp(negativeElbo() * sentences / tokens);
        }

        /** One line for a log; a language model has no KL or latent units to show. */
        public String describe(ModelConfig config) {
            if (!config.kind().hasLatent()) {
                return String.format(
                        "valid NLL %.3f nats per sentence, perplexity %s",
                        negativeElbo(), Numbers.fixed(perplexity(), 2, "n/a"));
            }
            return String.format(
                    "valid reconstruction %.3f, KL %.3f, -ELBO %.3f nats per sentence,"
                            + " perplexity %s, active units %d/%d",
                    reconstruction,
                    kl,
                    negativeElbo(),
                    Numbers.fixed(perplexity(), 2, "n/a"),
                    activeUnits,
                    config.latentSize());
        }
    }

    private ElboEvaluator() {}

    /** Scores {@code sentences} (token ids without specials) in batches of equal length. */
    public static Report evaluate(
            SentenceVaeNetwork network,
            NDManager parent,
            List<int[]> sentences,
            TokenBatch.Specials specials,
            long seed,
            int batchSize) {
        ModelConfig config = network.config();
        LengthBuckets buckets = new LengthBuckets(sentences, batchSize);
        double reconstruction = 0;
        double kl = 0;
        long tokens = 0;
        List<float[]> means = new ArrayList<>();
        int index = 0;
        for (int[] members : buckets.epoch(seed, 0)) {
            List<int[]> batchSentences = new ArrayList<>(members.length);
            for (int member : members) {
                batchSentences.add(sentences.get(member));
            }
            SplittableRandom random = new SplittableRandom(seed ^ (0x5DEECE66DL * ++index));
            try (NDManager manager = parent.newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                TokenBatch batch = TokenBatch.of(manager, batchSentences, specials, 0, random);
                tokens += batch.tokenCount();
                NDArray z = null;
                if (config.kind().hasLatent()) {
                    Posterior posterior =
                            network.encode(store, batch.encoderIds(), batch.lengths(), false);
                    NDArray mean = posterior.mean();
                    addRows(means, mean.toFloatArray(), config.latentSize());
                    if (config.kind().samplesLatent()) {
                        z =
                                posterior.sample(
                                        Posterior.epsilon(
                                                manager,
                                                random,
                                                batch.size(),
                                                config.latentSize()));
                        kl += LossTerms.kl(mean, posterior.logVariance()).sum().getFloat();
                    } else {
                        z = mean;
                    }
                }
                NDArray state = network.initialState(store, z, batch.size(), manager, false);
                NDArray logits =
                        network.decode(store, z, batch.decoderInputs(), state, false).head();
                reconstruction +=
                        LossTerms.reconstruction(logits, batch.targets(), batch.mask())
                                .sum()
                                .getFloat();
            }
        }
        int n = sentences.size();
        int active =
                config.kind().hasLatent() ? ActiveUnits.count(means, ACTIVE_UNIT_THRESHOLD) : 0;
        return new Report(n, tokens, reconstruction / n, kl / n, active);
    }

    private static void addRows(List<float[]> rows, float[] flat, int width) {
        for (int start = 0; start < flat.length; start += width) {
            float[] row = new float[width];
            System.arraycopy(flat, start, row, 0, width);
            rows.add(row);
        }
    }
}
