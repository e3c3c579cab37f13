package org.textvae.prior;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The aggregate posterior of a sample of training sentences: an equal-weight mixture of their
 * posteriors q(z|x) = N(μ_x, diag σ_x²), each widened by a factor h. With h = 1 this is the prior
 * the ELBO would choose for those sentences (Hoffman and Johnson 2016), and its draws lie where the
 * decoder was trained; h above 1 moves them further from the sentences kept. A draw picks a
 * sentence uniformly, then maps noise u ~ N(0, I) to z = μ + h σ u.
 */
public final class PosteriorMixture implements LatentPrior {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final float[][] means;
    private final float[][] sigmas;
    private final double widening;
    private final double[] logNormalisers;

    /**
     * @param means one posterior mean per sentence
     * @param sigmas the posteriors' standard deviations, positive, as many and as wide as the means
     * @param widening h, positive
     */
    public PosteriorMixture(float[][] means, float[][] sigmas, double widening) {
        if (means.length < 1 || sigmas.length != means.length) {
            throw new IllegalArgumentException(
                    "a posterior mixture needs as many means as standard deviations, at least one,"
                            + " got "
                            + means.length
                            + " and "
                            + sigmas.length);
        }
        if (!(widening > 0) || Double.isInfinite(widening)) {
            throw new IllegalArgumentException("widening must be positive, got " + widening);
        }
        int d = means[0].length;
        for (int k = 0; k < means.length; k++) {
            if (d < 1 || means[k].length != d || sigmas[k].length != d) {
                throw new IllegalArgumentException("posterior " + k + " has the wrong size");
            }
            for (int i = 0; i < d; i++) {
                if (!Float.isFinite(means[k][i]) || !(sigmas[k][i] > 0)) {
                    throw new IllegalArgumentException(
                            "posterior " + k + " has a non-finite mean or a non-positive sigma");
                }
            }
        }
        this.means = deepCopy(means);
        this.sigmas = deepCopy(sigmas);
        this.widening = widening;
        this.logNormalisers = new double[means.length];
        for (int k = 0; k < means.length; k++) {
            double sum = -d * HALF_LOG_TWO_PI;
            for (int i = 0; i < d; i++) {
                sum -= Math.log(widening * sigmas[k][i]);
            }
            logNormalisers[k] = sum;
        }
    }

    /** Sentences whose posteriors the mixture holds. */
    public int components() {
        return means.length;
    }

    public double widening() {
        return widening;
    }

    public float[][] means() {
        return deepCopy(means);
    }

    public float[][] sigmas() {
        return deepCopy(sigmas);
    }

    @Override
    public int dimension() {
        return means[0].length;
    }

    @Override
    public float[][] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = dimension();
        float[][] codes = new float[n][d];
        for (float[] code : codes) {
            int k = random.nextInt(means.length);
            for (int i = 0; i < d; i++) {
                code[i] = (float) (means[k][i] + widening * sigmas[k][i] * random.nextGaussian());
            }
        }
        return codes;
    }

    @Override
    public double logDensity(float[] z) {
        double[] terms = new double[means.length];
        for (int k = 0; k < means.length; k++) {
            double squares = 0;
            for (int i = 0; i < z.length; i++) {
                double u = (z[i] - means[k][i]) / (widening * sigmas[k][i]);
                squares += u * u;
            }
            terms[k] = logNormalisers[k] - 0.5 * squares;
        }
        return GaussianMixture.logSumExp(terms) - Math.log(means.length);
    }

    private static float[][] deepCopy(float[][] rows) {
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PosteriorMixture that
                && widening == that.widening
                && Arrays.deepEquals(means, that.means)
                && Arrays.deepEquals(sigmas, that.sigmas);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(means) * 31 + Double.hashCode(widening);
    }
}
