package org.textvae.model;

import ai.djl.ndarray.NDArray;

/**
 * The diagonal Gaussian q(z|x) for a batch of sentences.
 *
 * @param mean μ, shape (batch, latent)
 * @param logVariance log σ², shape (batch, latent)
 */
public record Posterior(NDArray mean, NDArray logVariance) {

    /** z = μ + σ·ε, the reparameterisation that lets gradients flow through the sample. */
    public NDArray sample(NDArray epsilon) {
        return mean.add(logVariance.mul(0.5f).exp().mul(epsilon));
    }

    /** σ, the posterior standard deviation. */
    public NDArray standardDeviation() {
        return logVariance.mul(0.5f).exp();
    }
}
