package org.textvae.prior;

/**
 * Where generation draws latent codes from. Every draw starts from noise u ~ N(0, I); a fitted
 * prior maps it to where the training sentences' codes lie.
 */
public sealed interface LatentPrior permits StandardNormal, GaussianMixture, PosteriorMixture {

    /** Values per code. */
    int dimension();

    /** n codes drawn by a generator seeded with {@code seed}; the same seed, the same codes. */
    float[][] sample(int n, long seed);

    /** log density at {@code z}, in nats: how well the prior covers a code. */
    double logDensity(float[] z);
}
