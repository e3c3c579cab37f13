package org.textvae.prior;

import java.util.SplittableRandom;

/** N(0, I), the VAE's own prior: what a model without a fitted prior samples from. */
public record StandardNormal(int dimension) implements LatentPrior {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    public StandardNormal {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
    }

    /** Row by row, value by value from one generator, as textvae has always drawn them. */
    @Override
    public float[][] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] codes = new float[n][dimension];
        for (float[] code : codes) {
            for (int d = 0; d < dimension; d++) {
                code[d] = (float) random.nextGaussian();
            }
        }
        return codes;
    }

    @Override
    public double logDensity(float[] z) {
        double squares = 0;
        for (float v : z) {
            squares += (double) v * v;
        }
        return -0.5 * (dimension * LOG_TWO_PI + squares);
    }
}
