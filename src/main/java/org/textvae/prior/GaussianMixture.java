package org.textvae.prior;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mixture of full-covariance Gaussians, each stored by the Cholesky factor L of its covariance. A
 * draw picks component k by its weight, then maps noise u ~ N(0, I) to z = μ_k + L_k u.
 */
public final class GaussianMixture implements LatentPrior {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final double[] weights;
    private final double[][] means;
    private final double[][][] factors;
    private final double[] logNormalisers;

    /**
     * @param weights component weights, positive, summing to 1
     * @param means one mean per component
     * @param factors one lower-triangular Cholesky factor per component, positive diagonal
     */
    public GaussianMixture(double[] weights, double[][] means, double[][][] factors) {
        int k = weights.length;
        if (k < 1 || means.length != k || factors.length != k) {
            throw new IllegalArgumentException(
                    "a mixture needs as many weights, means and factors as components, got "
                            + k
                            + ", "
                            + means.length
                            + " and "
                            + factors.length);
        }
        int d = means[0].length;
        double total = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0) || means[c].length != d || factors[c].length != d) {
                throw new IllegalArgumentException(
                        "component " + c + " has a non-positive weight or the wrong size");
            }
            for (int i = 0; i < d; i++) {
                if (factors[c][i].length != d || !(factors[c][i][i] > 0)) {
                    throw new IllegalArgumentException(
                            "component "
                                    + c
                                    + "'s factor is not a lower-triangular "
                                    + d
                                    + "x"
                                    + d
                                    + " matrix with a positive diagonal");
                }
            }
            total += weights[c];
        }
        if (Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("weights must sum to 1, got " + total);
        }
        this.weights = weights.clone();
        this.means = deepCopy(means);
        this.factors = new double[k][][];
        this.logNormalisers = new double[k];
        for (int c = 0; c < k; c++) {
            this.factors[c] = deepCopy(factors[c]);
            double logDeterminant = 0;
            for (int i = 0; i < d; i++) {
                logDeterminant += 2 * Math.log(factors[c][i][i]);
            }
            logNormalisers[c] = Math.log(weights[c]) - 0.5 * (d * LOG_TWO_PI + logDeterminant);
        }
    }

    public int components() {
        return weights.length;
    }

    @Override
    public int dimension() {
        return means[0].length;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double[][] means() {
        return deepCopy(means);
    }

    public double[][][] factors() {
        double[][][] copy = new double[factors.length][][];
        for (int c = 0; c < factors.length; c++) {
            copy[c] = deepCopy(factors[c]);
        }
        return copy;
    }

    @Override
    public float[][] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = dimension();
        float[][] codes = new float[n][d];
        double[] noise = new double[d];
        for (float[] code : codes) {
            int c = component(random.nextDouble());
            for (int i = 0; i < d; i++) {
                noise[i] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double value = means[c][i];
                double[] row = factors[c][i];
                for (int j = 0; j <= i; j++) {
                    value += row[j] * noise[j];
                }
                code[i] = (float) value;
            }
        }
        return codes;
    }

    /** The component whose share of [0, 1) holds {@code u}. */
    private int component(double u) {
        double upTo = 0;
        for (int c = 0; c < weights.length - 1; c++) {
            upTo += weights[c];
            if (u < upTo) {
                return c;
            }
        }
        return weights.length - 1;
    }

    @Override
    public double logDensity(float[] z) {
        double[] point = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            point[i] = z[i];
        }
        double[] terms = new double[weights.length];
        componentLogDensities(point, terms);
        return logSumExp(terms);
    }

    /** log(w_k N(x; μ_k, L_k L_kᵀ)) for every component k, into {@code out}. */
    void componentLogDensities(double[] x, double[] out) {
        int d = x.length;
        double[] y = new double[d];
        for (int c = 0; c < weights.length; c++) {
            double squares = Whitening.solveLower(factors[c], x, means[c], y);
            out[c] = logNormalisers[c] - 0.5 * squares;
        }
    }

    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GaussianMixture that
                && Arrays.equals(weights, that.weights)
                && Arrays.deepEquals(means, that.means)
                && Arrays.deepEquals(factors, that.factors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Arrays.deepHashCode(means);
    }
}
