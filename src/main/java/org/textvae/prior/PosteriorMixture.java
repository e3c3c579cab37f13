package org.textvae.prior;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The aggregate posterior of a sample of training sentences: an equal-weight mixture of their
 * posteriors q(z|x) = N(μ_x, diag σ_x²), each widened by a factor h. With h = 1 this is the prior
 * the ELBO would choose for those sentences (Hoffman and Johnson 2016), and its draws lie where the
 * decoder was trained; h above 1 moves them further from the sentences kept. A draw picks a
 * sentence uniformly, then maps noise u ~ N(0, I) to z = μ + h σ u.
 *
 * <p>When it knows each sentence's length in tokens, {@link #ofLength} keeps the sentences of one
 * length: the aggregate posterior of, say, five-character lines, whose draws the decoder reads as
 * lines it means to end after five characters.
 */
public final class PosteriorMixture implements LatentPrior {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final float[][] means;
    private final float[][] sigmas;
    private final double widening;
    private final int[] lengths;
    private final double[] logNormalisers;

    /**
     * A mixture that does not know its sentences' lengths.
     *
     * @param means one posterior mean per sentence
     * @param sigmas the posteriors' standard deviations, positive, as many and as wide as the means
     * @param widening h, positive
     */
    public PosteriorMixture(float[][] means, float[][] sigmas, double widening) {
        this(means, sigmas, widening, null);
    }

    /**
     * @param lengths each sentence's length in tokens, positive; null when unknown
     */
    public PosteriorMixture(float[][] means, float[][] sigmas, double widening, int[] lengths) {
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
        if (lengths != null) {
            if (lengths.length != means.length) {
                throw new IllegalArgumentException(
                        "a posterior mixture needs one length per sentence, got "
                                + lengths.length
                                + " for "
                                + means.length);
            }
            for (int length : lengths) {
                if (length < 1) {
                    throw new IllegalArgumentException(
                            "sentence lengths must be positive, got " + length);
                }
            }
        }
        this.lengths = lengths == null ? null : lengths.clone();
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

    /** Whether it knows each sentence's length, so that {@link #ofLength} can choose by it. */
    public boolean knowsLengths() {
        return lengths != null;
    }

    /** Each sentence's length in tokens; empty when unknown. */
    public int[] lengths() {
        return lengths == null ? new int[0] : lengths.clone();
    }

    /** How many of its sentences are {@code tokens} long (0 when the lengths are unknown). */
    public int countOfLength(int tokens) {
        int count = 0;
        for (int k = 0; lengths != null && k < lengths.length; k++) {
            count += lengths[k] == tokens ? 1 : 0;
        }
        return count;
    }

    /**
     * The mixture of the sentences {@code tokens} long, equally weighted and widened as this one.
     *
     * @throws IllegalArgumentException if the lengths are unknown or none is that long
     */
    public PosteriorMixture ofLength(int tokens) {
        int count = countOfLength(tokens);
        if (count == 0) {
            throw new IllegalArgumentException(
                    lengths == null
                            ? "this prior does not know its lines' lengths"
                            : "this prior holds no line of " + tokens + " tokens");
        }
        int[] kept = new int[count];
        int n = 0;
        for (int k = 0; k < lengths.length; k++) {
            if (lengths[k] == tokens) {
                kept[n++] = k;
            }
        }
        return keeping(kept);
    }

    /**
     * The mixture of the given sentences only, equally weighted and widened as this one.
     *
     * @param components indices of sentences it holds, at least one
     */
    public PosteriorMixture keeping(int[] components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("keep at least one sentence");
        }
        float[][] keptMeans = new float[components.length][];
        float[][] keptSigmas = new float[components.length][];
        int[] keptLengths = lengths == null ? null : new int[components.length];
        for (int n = 0; n < components.length; n++) {
            int k = components[n];
            keptMeans[n] = means[k];
            keptSigmas[n] = sigmas[k];
            if (keptLengths != null) {
                keptLengths[n] = lengths[k];
            }
        }
        return new PosteriorMixture(keptMeans, keptSigmas, widening, keptLengths);
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

    /** ‖μ_k − z‖²: how far a code lies from sentence k's posterior mean. */
    public double squaredDistance(int k, float[] z) {
        double squares = 0;
        for (int i = 0; i < z.length; i++) {
            double e = means[k][i] - z[i];
            squares += e * e;
        }
        return squares;
    }

    /** A draw from sentence k's widened posterior: μ_k + h σ_k u. */
    public float[] drawFrom(int k, SplittableRandom random) {
        float[] code = new float[dimension()];
        for (int i = 0; i < code.length; i++) {
            code[i] = (float) (means[k][i] + widening * sigmas[k][i] * random.nextGaussian());
        }
        return code;
    }

    /** One draw: a sentence chosen uniformly, then a draw from its widened posterior. */
    public float[] draw(SplittableRandom random) {
        return drawFrom(random.nextInt(means.length), random);
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
                && Arrays.equals(lengths, that.lengths)
                && Arrays.deepEquals(means, that.means)
                && Arrays.deepEquals(sigmas, that.sigmas);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(means) * 31 + Double.hashCode(widening);
    }
}
