package org.textvae.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The mutual information I(x; z) under the encoder's joint q(x, z) = p_data(x) q(z|x), estimated as
 * in He et al. (2019), "Lagging Inference Networks and Posterior Collapse in Variational
 * Autoencoders": I = E_x[E_q(z|x) log q(z|x)] − E_x E_q(z|x)[log q(z)]. The first term is the
 * negative entropy of a diagonal Gaussian in closed form, −½L log 2π − ½Σ_d(1 + log σ²_d); the
 * aggregate posterior q(z) is the mixture of the evaluated sentences' posteriors, log q(z) =
 * logsumexp_n log q(z|x_n) − log N, probed with one z per sentence.
 *
 * <p>The mixture costs N² L operations, so at most {@link #DEFAULT_CAP} sentences enter it, chosen
 * by a seeded subsample (10,000 sentences already make q(z) a smooth mixture; the estimate is
 * bounded above by log N, so N must not be tiny either).
 */
public final class MutualInformation {

    /** Most sentences in the mixture q(z). */
    public static final int DEFAULT_CAP = 10_000;

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private MutualInformation() {}

    /**
     * The estimate from posteriors (one row per sentence), with one z per sentence drawn from a
     * generator seeded by {@code seed}, over at most {@code cap} rows (seeded subsample).
     */
    public static double estimate(
            List<float[]> means, List<float[]> logVariances, int cap, long seed) {
        if (means.size() != logVariances.size() || means.isEmpty()) {
            throw new IllegalArgumentException("need as many log-variances as means, at least one");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> rows = subsample(means.size(), cap, random);
        double[][] mu = new double[rows.size()][];
        double[][] logVariance = new double[rows.size()][];
        double[][] z = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            mu[i] = toDoubles(means.get(rows.get(i)));
            logVariance[i] = toDoubles(logVariances.get(rows.get(i)));
            z[i] = new double[mu[i].length];
            for (int d = 0; d < z[i].length; d++) {
                z[i][d] = mu[i][d] + Math.exp(0.5 * logVariance[i][d]) * random.nextGaussian();
            }
        }
        return estimate(mu, logVariance, z);
    }

    /**
     * The estimate from posteriors and one given probe z per sentence (rows aligned): the form the
     * tests check by hand.
     */
    public static double estimate(double[][] means, double[][] logVariances, double[][] z) {
        int n = means.length;
        int latent = means[0].length;
        double[][] inverseVariance = new double[n][latent];
        double[] logNormaliser = new double[n];
        double negativeEntropy = 0;
        for (int m = 0; m < n; m++) {
            double sumLogVariance = 0;
            for (int d = 0; d < latent; d++) {
                inverseVariance[m][d] = Math.exp(-logVariances[m][d]);
                sumLogVariance += logVariances[m][d];
            }
            logNormaliser[m] = -0.5 * (latent * LOG_TWO_PI + sumLogVariance);
            negativeEntropy += logNormaliser[m] - 0.5 * latent;
        }
        // Computed in parallel, summed in order, so the figure repeats exactly.
        double[] logMixtures =
                IntStream.range(0, n)
                        .parallel()
                        .mapToDouble(i -> logMixture(z[i], means, inverseVariance, logNormaliser))
                        .toArray();
        double sumLogAggregate = 0;
        for (double logMixture : logMixtures) {
            sumLogAggregate += logMixture;
        }
        return negativeEntropy / n - (sumLogAggregate / n - Math.log(n));
    }

    /** logsumexp_m log q(z|x_m): the mixture's log density at z, before dividing by N. */
    private static double logMixture(
            double[] z, double[][] means, double[][] inverseVariance, double[] logNormaliser) {
        double[] logDensities = new double[means.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < means.length; m++) {
            double squares = 0;
            for (int d = 0; d < z.length; d++) {
                double diff = z[d] - means[m][d];
                squares += diff * diff * inverseVariance[m][d];
            }
            logDensities[m] = logNormaliser[m] - 0.5 * squares;
            max = Math.max(max, logDensities[m]);
        }
        double sum = 0;
        for (double logDensity : logDensities) {
            sum += Math.exp(logDensity - max);
        }
        return max + Math.log(sum);
    }

    /** Row indices: all of them in order, or {@code cap} of them drawn without replacement. */
    static List<Integer> subsample(int size, int cap, SplittableRandom random) {
        List<Integer> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(i);
        }
        if (size <= cap) {
            return rows;
        }
        // A partial Fisher–Yates shuffle: the first cap entries are a uniform sample.
        for (int i = 0; i < cap; i++) {
            int j = i + random.nextInt(size - i);
            rows.set(j, rows.set(i, rows.get(j)));
        }
        return new ArrayList<>(rows.subList(0, cap));
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
