package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

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

    /**
     * Standard normal noise ε of shape (rows, latent) for {@link #sample}, drawn by a Java
     * generator so that a seeded run repeats on any engine and any number of threads.
     */
    public static NDArray epsilon(
            NDManager manager, SplittableRandom random, int rows, int latent) {
        return HostArrays.floats(
                manager,
                new Shape(rows, latent),
                buffer -> {
                    for (int i = 0; i < rows * latent; i++) {
                        buffer.put((float) random.nextGaussian());
                    }
                });
    }
}
