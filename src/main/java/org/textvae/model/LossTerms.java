package org.textvae.model;

import ai.djl.ndarray.NDArray;

/**
 * The two terms of the ELBO, per sentence, in nats. Kept free of training concerns (β, free bits)
 * so that training, evaluation and the tests compute exactly the same quantities.
 */
public final class LossTerms {

    private LossTerms() {}

    /**
     * −log p(x|z) summed over each sentence's real tokens.
     *
     * @param logits (batch, time, vocabulary)
     * @param targets (batch, time), int64
     * @param mask (batch, time), 1 at real tokens and 0 at padding; null when nothing is padded
     * @return (batch)
     */
    public static NDArray reconstruction(NDArray logits, NDArray targets, NDArray mask) {
        NDArray tokenLogProbs = logits.logSoftmax(2).gather(targets.expandDims(2), 2).squeeze(2);
        if (mask != null) {
            tokenLogProbs = tokenLogProbs.mul(mask);
        }
        return tokenLogProbs.sum(new int[] {1}).neg();
    }

    /**
     * KL(N(μ, σ²) ‖ N(0, I)) in closed form, per latent dimension: ½(μ² + σ² − 1 − log σ²).
     *
     * @return (batch, latent)
     */
    public static NDArray klPerDimension(NDArray mean, NDArray logVariance) {
        return mean.square().add(logVariance.exp()).sub(1).sub(logVariance).mul(0.5f);
    }

    /** KL per sentence, (batch). */
    public static NDArray kl(NDArray mean, NDArray logVariance) {
        return klPerDimension(mean, logVariance).sum(new int[] {1});
    }

    /**
     * The KL term with free bits (Kingma et al. 2016): each dimension's batch-mean KL is held at
     * least at {@code floor} nats, so the optimiser gains nothing by pushing a dimension below it.
     *
     * @return a scalar: Σ_d max(floor, mean_batch KL_d)
     */
    public static NDArray klWithFreeBits(NDArray mean, NDArray logVariance, float floor) {
        NDArray perDimension = klPerDimension(mean, logVariance).mean(new int[] {0});
        return perDimension.maximum(floor).sum();
    }
}
