package org.textvae.eval;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;

/**
 * The total correlation TC(z) = KL(q(z) ‖ Π_d q(z_d)) of the aggregate posterior q(z) = (1/N) Σ_n
 * q(z|x_n), the quantity FactorVAE penalises (Kim and Mnih 2018, "Disentangling by Factorising").
 * Estimated as in Chen et al. (2018), "Isolating Sources of Disentanglement in VAEs" (β-TCVAE): TC
 * = E_q(z)[log q(z) − Σ_d log q(z_d)], with one z drawn per sentence and both densities taken as
 * mixtures over the N evaluated posteriors, log q(z) = logsumexp_n log q(z|x_n) − log N and log
 * q(z_d) = logsumexp_n log q(z_d|x_n) − log N. Chen et al.'s minibatch-weighted sampling uses a
 * minibatch of M out of N sentences; here the "minibatch" is the whole evaluated set, so every
 * sentence enters the mixture with the same weight and no stratification is needed.
 *
 * <p>Unlike a discriminator's estimate this one needs no training, so it exists for every model
 * with a latent space and compares them on an equal footing. It is biased for finite N (the mixture
 * includes the probe's own component), and bounded above by (L − 1)·log N: with very narrow
 * posteriors every mixture is dominated by that own component. Costs N² L exponentials, so at most
 * {@link #DEFAULT_CAP} sentences enter it (a seeded subsample).
 *
 * <p>A deterministic autoencoder has no posterior width: its aggregate "posterior" is N points,
 * whose TC is (L − 1)·log N whatever the codes (and its log-variance head is untrained, so it
 * cannot stand in). {@link #drawFromCodes} instead smooths each code with a Gaussian kernel of
 * Silverman's bandwidth per dimension, 1.06·σ_d·N^(−1/5), and the same estimator then gives the TC
 * of that kernel density of the codes: finite, and comparable between autoencoders, though only
 * roughly with VAEs, whose kernels are their learnt posteriors.
 */
public final class TotalCorrelation {

    /** Most sentences in the mixtures. */
    public static final int DEFAULT_CAP = 5_000;

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /**
     * Posteriors and one probe z per sentence, rows aligned.
     *
     * @param means μ per sentence
     * @param logVariances log σ² per sentence
     * @param z one draw from each posterior
     */
    public record Probes(double[][] means, double[][] logVariances, double[][] z) {}

    /**
     * The TC figures of one model.
     *
     * @param value the estimate of this class, nats (NaN for a model without latent space)
     * @param method how q(z|x) was taken: "posterior", "kernel" (autoencoder) or "none" (LM)
     * @param discriminator FactorVAE's discriminator estimate (NaN when there is none)
     * @param gaussian the TC of a Gaussian with the probes' correlations, {@link #gaussian}
     */
    public record Estimate(double value, String method, double discriminator, double gaussian) {}

    private TotalCorrelation() {}

    /**
     * The TC figures for a model's posteriors: its learnt q(z|x) for a VAE, kernel-smoothed codes
     * for an autoencoder, nothing for an LM; plus, when the checkpoint holds FactorVAE's
     * discriminator, its estimate over the same z.
     */
    public static Estimate forModel(
            Checkpoint checkpoint, PosteriorPass.Result posteriors, long seed) {
        ModelKind kind = checkpoint.config().kind();
        if (!kind.hasLatent() || posteriors.means().isEmpty()) {
            return new Estimate(Double.NaN, "none", Double.NaN, Double.NaN);
        }
        Probes probes =
                kind.samplesLatent()
                        ? draw(posteriors.means(), posteriors.logVariances(), DEFAULT_CAP, seed)
                        : drawFromCodes(posteriors.means(), DEFAULT_CAP, seed);
        return new Estimate(
                estimate(probes),
                kind.samplesLatent() ? "posterior" : "kernel",
                DiscriminatorEstimate.estimate(checkpoint, probes.z()),
                gaussian(probes.z()));
    }

    /**
     * The TC of the Gaussian with the same correlations as the samples: −½ log det R, R their
     * correlation matrix. It sees linear dependence only, but needs no density estimate, so it has
     * neither the mixture's bias towards narrow posteriors nor a discriminator's training noise.
     * For independent dimensions it is about L(L − 1)/(4N) (0.05 nats at L = 32, N = 5,000).
     * Dimensions that do not vary are left out. NaN unless there are more samples than dimensions
     * plus one: with fewer, the sample correlations are singular whatever the distribution.
     */
    public static double gaussian(double[][] samples) {
        int n = samples.length;
        if (n < 2) {
            return Double.NaN;
        }
        int width = samples[0].length;
        double[] mean = new double[width];
        for (double[] row : samples) {
            for (int d = 0; d < width; d++) {
                mean[d] += row[d] / n;
            }
        }
        double[][] covariance = new double[width][width];
        for (double[] row : samples) {
            for (int i = 0; i < width; i++) {
                for (int j = 0; j <= i; j++) {
                    covariance[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
                }
            }
        }
        List<Integer> varying =
                IntStream.range(0, width).filter(d -> covariance[d][d] > 1e-12).boxed().toList();
        int k = varying.size();
        if (n <= k + 1) {
            return Double.NaN;
        }
        double[][] correlation = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                int i = varying.get(a);
                int j = varying.get(b);
                correlation[a][b] =
                        covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
            }
        }
        return -0.5 * logDeterminant(correlation);
    }

    /** log det of a symmetric positive-definite matrix (lower triangle given), by Cholesky. */
    private static double logDeterminant(double[][] lower) {
        int k = lower.length;
        double[][] factor = new double[k][k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double value = lower[i][j];
                for (int m = 0; m < j; m++) {
                    value -= factor[i][m] * factor[j][m];
                }
                if (i == j) {
                    if (value <= 0) {
                        return Double.NEGATIVE_INFINITY; // dimensions that copy each other
                    }
                    factor[i][i] = Math.sqrt(value);
                    sum += Math.log(value);
                } else {
                    factor[i][j] = value / factor[j][j];
                }
            }
        }
        return sum;
    }

    /**
     * Draws one z per sentence from its posterior, over at most {@code cap} sentences (seeded
     * subsample), with a generator seeded by {@code seed}.
     */
    public static Probes draw(List<float[]> means, List<float[]> logVariances, int cap, long seed) {
        if (means.size() != logVariances.size() || means.isEmpty()) {
            throw new IllegalArgumentException("need as many log-variances as means, at least one");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> rows = MutualInformation.subsample(means.size(), cap, random);
        double[][] mu = new double[rows.size()][];
        double[][] logVariance = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            mu[i] = toDoubles(means.get(rows.get(i)));
            logVariance[i] = toDoubles(logVariances.get(rows.get(i)));
        }
        return new Probes(mu, logVariance, sample(mu, logVariance, random));
    }

    /**
     * Probes for a deterministic encoder: each code smoothed by Silverman's kernel (see the class
     * comment), one z per code drawn from its kernel.
     */
    public static Probes drawFromCodes(List<float[]> codes, int cap, long seed) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("need at least one code");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> rows = MutualInformation.subsample(codes.size(), cap, random);
        double[][] mu = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            mu[i] = toDoubles(codes.get(rows.get(i)));
        }
        double[] logBandwidthSquared = silvermanLogVariances(mu);
        double[][] logVariance = new double[mu.length][];
        for (int i = 0; i < mu.length; i++) {
            logVariance[i] = logBandwidthSquared.clone();
        }
        return new Probes(mu, logVariance, sample(mu, logVariance, random));
    }

    /** The estimate for probes (the form the tests check by hand). */
    public static double estimate(Probes probes) {
        double[][] means = probes.means();
        double[][] logVariances = probes.logVariances();
        double[][] z = probes.z();
        int n = means.length;
        double[][] inverseVariance = new double[n][];
        double[][] logNormaliser = new double[n][];
        for (int m = 0; m < n; m++) {
            int latent = means[m].length;
            inverseVariance[m] = new double[latent];
            logNormaliser[m] = new double[latent];
            for (int d = 0; d < latent; d++) {
                inverseVariance[m][d] = Math.exp(-logVariances[m][d]);
                logNormaliser[m][d] = -0.5 * (LOG_TWO_PI + logVariances[m][d]);
            }
        }
        // Computed in parallel, summed in order, so the figure repeats exactly.
        double[] perProbe =
                IntStream.range(0, n)
                        .parallel()
                        .mapToDouble(i -> atProbe(z[i], means, inverseVariance, logNormaliser))
                        .toArray();
        double sum = 0;
        for (double value : perProbe) {
            sum += value;
        }
        return sum / n;
    }

    /** log q(z) − Σ_d log q(z_d) at one probe; the − log N terms leave (L − 1)·log N. */
    private static double atProbe(
            double[] z, double[][] means, double[][] inverseVariance, double[][] logNormaliser) {
        int n = means.length;
        int latent = z.length;
        double[] joint = new double[n];
        double[][] perDimension = new double[latent][n];
        for (int m = 0; m < n; m++) {
            for (int d = 0; d < latent; d++) {
                double diff = z[d] - means[m][d];
                double log = logNormaliser[m][d] - 0.5 * diff * diff * inverseVariance[m][d];
                perDimension[d][m] = log;
                joint[m] += log;
            }
        }
        double marginals = 0;
        for (int d = 0; d < latent; d++) {
            marginals += logSumExp(perDimension[d]);
        }
        return logSumExp(joint) - marginals + (latent - 1) * Math.log(n);
    }

    private static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    /** log h_d² with h_d = 1.06·σ_d·N^(−1/5); a constant dimension gets a small floor. */
    private static double[] silvermanLogVariances(double[][] codes) {
        int latent = codes[0].length;
        double[] logVariances = new double[latent];
        double shrink = 1.06 * Math.pow(codes.length, -0.2);
        for (int d = 0; d < latent; d++) {
            double mean = 0;
            double squares = 0;
            for (double[] code : codes) {
                mean += code[d] / codes.length;
                squares += code[d] * code[d] / codes.length;
            }
            double sd = Math.sqrt(Math.max(0, squares - mean * mean));
            double bandwidth = Math.max(1e-3, shrink * sd);
            logVariances[d] = 2 * Math.log(bandwidth);
        }
        return logVariances;
    }

    private static double[][] sample(
            double[][] means, double[][] logVariances, SplittableRandom random) {
        double[][] z = new double[means.length][];
        for (int i = 0; i < means.length; i++) {
            z[i] = new double[means[i].length];
            for (int d = 0; d < z[i].length; d++) {
                z[i][d] = means[i][d] + Math.exp(0.5 * logVariances[i][d]) * random.nextGaussian();
            }
        }
        return z;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
