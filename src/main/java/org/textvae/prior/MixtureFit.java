package org.textvae.prior;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits a {@link GaussianMixture} to points by expectation-maximisation, started from k-means++
 * centres. Deterministic for a seed: work is split across threads by point or by component, and
 * every sum runs in a fixed order.
 */
public final class MixtureFit {

    /**
     * What a fit produced.
     *
     * @param mixture the fitted density
     * @param iterations EM iterations run
     * @param meanLogDensity mean log density of the fitted points under it, nats
     */
    public record Result(GaussianMixture mixture, int iterations, double meanLogDensity) {}

    /**
     * @param components mixture components asked for (fewer may remain: a component left with too
     *     few points to estimate its covariance is dropped)
     * @param maxIterations EM iterations at most
     * @param tolerance stop once the mean log density improves by less than this, nats
     * @param seed seeds the k-means++ choice of starting centres
     */
    public record Settings(int components, int maxIterations, double tolerance, long seed) {
        public Settings {
            if (components < 1) {
                throw new IllegalArgumentException(
                        "components must be positive, got " + components);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException(
                        "iterations must be positive, got " + maxIterations);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
            }
        }

        public static Settings defaults() {
            return new Settings(32, 200, 1e-3, 42);
        }
    }

    /** Share of the data's mean variance added to every covariance's diagonal. */
    private static final double RIDGE = 1e-4;

    private final double[][] points;
    private final int dimension;
    private final double ridge;

    private MixtureFit(double[][] points) {
        this.points = points;
        this.dimension = points[0].length;
        this.ridge = RIDGE * meanVariance(points) + 1e-9;
    }

    /** Fits a mixture to {@code points} (rows of equal length, at least two per component). */
    public static Result fit(double[][] points, Settings settings) {
        if (points.length < 2 * settings.components()) {
            throw new IllegalArgumentException(
                    "a mixture of "
                            + settings.components()
                            + " needs at least "
                            + 2 * settings.components()
                            + " points, got "
                            + points.length);
        }
        return new MixtureFit(points).run(settings);
    }

    private Result run(Settings settings) {
        double[][] centres = kMeansPlusPlus(settings.components(), settings.seed());
        double[][] responsibilities = nearest(centres);
        GaussianMixture mixture = maximise(responsibilities);
        double previous = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < settings.maxIterations()) {
            iteration++;
            responsibilities = new double[points.length][];
            double meanLog = expect(mixture, responsibilities);
            mixture = maximise(responsibilities);
            if (meanLog - previous < settings.tolerance()) {
                break;
            }
            previous = meanLog;
        }
        double[][] unused = new double[points.length][];
        return new Result(mixture, iteration, expect(mixture, unused));
    }

    /** Fills each point's responsibilities; returns the mean log density of the points. */
    private double expect(GaussianMixture mixture, double[][] responsibilities) {
        int k = mixture.components();
        double[] logDensities = new double[points.length];
        IntStream.range(0, points.length)
                .parallel()
                .forEach(
                        n -> {
                            double[] terms = new double[k];
                            mixture.componentLogDensities(points[n], terms);
                            double total = GaussianMixture.logSumExp(terms);
                            for (int c = 0; c < k; c++) {
                                terms[c] = Math.exp(terms[c] - total);
                            }
                            responsibilities[n] = terms;
                            logDensities[n] = total;
                        });
        double sum = 0;
        for (double value : logDensities) {
            sum += value;
        }
        return sum / points.length;
    }

    /** The mixture that maximises the expected log likelihood under these responsibilities. */
    private GaussianMixture maximise(double[][] responsibilities) {
        int k = responsibilities[0].length;
        double[][] means = new double[k][];
        double[][][] factors = new double[k][][];
        double[] mass = new double[k];
        IntStream.range(0, k)
                .parallel()
                .forEach(
                        c -> {
                            mass[c] = componentMass(responsibilities, c);
                            if (mass[c] >= dimension + 1) {
                                means[c] = componentMean(responsibilities, c, mass[c]);
                                factors[c] =
                                        Whitening.cholesky(
                                                covariance(responsibilities, c, mass[c], means[c]));
                            }
                        });
        List<Integer> kept = new ArrayList<>();
        double keptMass = 0;
        for (int c = 0; c < k; c++) {
            if (means[c] != null) {
                kept.add(c);
                keptMass += mass[c];
            }
        }
        double[] weights = new double[kept.size()];
        double[][] keptMeans = new double[kept.size()][];
        double[][][] keptFactors = new double[kept.size()][][];
        for (int i = 0; i < kept.size(); i++) {
            int c = kept.get(i);
            weights[i] = mass[c] / keptMass;
            keptMeans[i] = means[c];
            keptFactors[i] = factors[c];
        }
        return new GaussianMixture(normalised(weights), keptMeans, keptFactors);
    }

    private double componentMass(double[][] responsibilities, int c) {
        double mass = 0;
        for (double[] r : responsibilities) {
            mass += r[c];
        }
        return mass;
    }

    private double[] componentMean(double[][] responsibilities, int c, double mass) {
        double[] mean = new double[dimension];
        for (int n = 0; n < points.length; n++) {
            double w = responsibilities[n][c];
            if (w != 0) {
                for (int i = 0; i < dimension; i++) {
                    mean[i] += w * points[n][i];
                }
            }
        }
        for (int i = 0; i < dimension; i++) {
            mean[i] /= mass;
        }
        return mean;
    }

    private double[][] covariance(double[][] responsibilities, int c, double mass, double[] mean) {
        double[][] sums = new double[dimension][dimension];
        double[] diff = new double[dimension];
        for (int n = 0; n < points.length; n++) {
            double w = responsibilities[n][c];
            // Responsibilities this small change no sum at double precision.
            if (w < 1e-12) {
                continue;
            }
            for (int i = 0; i < dimension; i++) {
                diff[i] = points[n][i] - mean[i];
            }
            for (int i = 0; i < dimension; i++) {
                double wi = w * diff[i];
                double[] row = sums[i];
                for (int j = 0; j <= i; j++) {
                    row[j] += wi * diff[j];
                }
            }
        }
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j <= i; j++) {
                sums[i][j] /= mass;
            }
            sums[i][i] += ridge;
        }
        return sums;
    }

    /** Starting centres far apart (Arthur and Vassilvitskii 2007). */
    private double[][] kMeansPlusPlus(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(points.length)];
        double[] distances = new double[points.length];
        java.util.Arrays.fill(distances, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double[] last = centres[c - 1];
            double total = 0;
            for (int n = 0; n < points.length; n++) {
                distances[n] = Math.min(distances[n], squaredDistance(points[n], last));
                total += distances[n];
            }
            double target = random.nextDouble() * total;
            int chosen = points.length - 1;
            for (int n = 0; n < points.length; n++) {
                target -= distances[n];
                if (target < 0) {
                    chosen = n;
                    break;
                }
            }
            centres[c] = points[chosen];
        }
        return centres;
    }

    /** Each point given wholly to its nearest centre. */
    private double[][] nearest(double[][] centres) {
        double[][] responsibilities = new double[points.length][];
        IntStream.range(0, points.length)
                .parallel()
                .forEach(
                        n -> {
                            int best = 0;
                            double bestDistance = Double.POSITIVE_INFINITY;
                            for (int c = 0; c < centres.length; c++) {
                                double distance = squaredDistance(points[n], centres[c]);
                                if (distance < bestDistance) {
                                    bestDistance = distance;
                                    best = c;
                                }
                            }
                            double[] r = new double[centres.length];
                            r[best] = 1;
                            responsibilities[n] = r;
                        });
        return responsibilities;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static double meanVariance(double[][] points) {
        int d = points[0].length;
        double total = 0;
        for (int i = 0; i < d; i++) {
            double sum = 0;
            double squares = 0;
            for (double[] p : points) {
                sum += p[i];
                squares += p[i] * p[i];
            }
            double mean = sum / points.length;
            total += squares / points.length - mean * mean;
        }
        return total / d;
    }

    /** Weights summing to 1 up to rounding, as the mixture requires. */
    private static double[] normalised(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }
}
