package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The total-correlation estimator of Chen et al. (2018) against a hand computation, and its
 * behaviour on aggregate posteriors whose dimensions are independent or copies of one another.
 */
class TotalCorrelationTest {

    @Test
    void twoPointTwoDimensionToyMatchesTheHandComputedValue() {
        // q(z|x_1) = N((0, 0), I), q(z|x_2) = N((2, 2), I), probed at their means. With c = −½ log
        // 2π, each dimension's log density is c at its own mean and c − 2 at the other's, so at
        // z = (0, 0): log q(z) = 2c + log(1 + e^−4) − log 2 and log q(z_d) = c + log(1 + e^−2) −
        // log 2, giving TC = log 2 + log(1 + e^−4) − 2 log(1 + e^−2) = 0.457441; z = (2, 2) is
        // the mirror image.
        double[][] means = {{0, 0}, {2, 2}};
        double[][] logVariances = {{0, 0}, {0, 0}};
        double expected = Math.log(2) + Math.log1p(Math.exp(-4)) - 2 * Math.log1p(Math.exp(-2));
        assertEquals(0.457441, expected, 1e-6);
        assertEquals(
                expected,
                TotalCorrelation.estimate(new TotalCorrelation.Probes(means, logVariances, means)),
                1e-12);
    }

    @Test
    void oneDimensionHasNoCorrelationToTotal() {
        // With one dimension q(z) is its own marginal: exactly 0 whatever the posteriors.
        double[][] means = {{0}, {1.5}, {-3}};
        double[][] logVariances = {{0}, {-1}, {0.5}};
        double[][] z = {{0.2}, {1}, {-2}};
        assertEquals(
                0,
                TotalCorrelation.estimate(new TotalCorrelation.Probes(means, logVariances, z)),
                1e-12);
    }

    @Test
    void independentDimensionsGiveNearZero() {
        SplittableRandom random = new SplittableRandom(4);
        List<float[]> means = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            means.add(new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()});
        }
        double tc =
                TotalCorrelation.estimate(
                        TotalCorrelation.draw(means, logVariances(1500, 2, 0.25), 1500, 9));
        assertTrue(Math.abs(tc) < 0.05, "TC of independent dimensions: " + tc);
    }

    @Test
    void copiedDimensionGivesClearlyPositiveTc() {
        // z_2 = z_1 in the means, narrow posteriors: q(z) is a Gaussian with correlation
        // ρ = 1 / 1.01, whose TC is −½ log(1 − ρ²) = 1.96 nats.
        SplittableRandom random = new SplittableRandom(4);
        List<float[]> means = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            float value = (float) random.nextGaussian();
            means.add(new float[] {value, value});
        }
        double tc =
                TotalCorrelation.estimate(
                        TotalCorrelation.draw(means, logVariances(1500, 2, 0.01), 1500, 9));
        double rho = 1 / 1.01;
        assertEquals(-0.5 * Math.log(1 - rho * rho), tc, 0.4);
        assertTrue(tc > 1, "TC of copied dimensions: " + tc);
    }

    @Test
    void gaussianTcMatchesTheClosedFormOfCorrelatedPairs() {
        // Two pairs with correlations 0.8 and 0.5, independent of each other, and a constant
        // dimension (left out): TC = −½ log(1 − 0.64) − ½ log(1 − 0.25) = 0.5108 + 0.1438.
        SplittableRandom random = new SplittableRandom(8);
        double[][] samples = new double[40_000][];
        for (int i = 0; i < samples.length; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            samples[i] =
                    new double[] {
                        a,
                        0.8 * a + 0.6 * random.nextGaussian(),
                        3,
                        b,
                        0.5 * b + Math.sqrt(0.75) * random.nextGaussian()
                    };
        }
        double expected = -0.5 * Math.log(1 - 0.64) - 0.5 * Math.log(1 - 0.25);
        assertEquals(0.654667, expected, 1e-6);
        assertEquals(expected, TotalCorrelation.gaussian(samples), 0.02);
    }

    @Test
    void gaussianTcOfIndependentDimensionsIsItsSmallBias() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] samples = new double[5_000][32];
        for (double[] row : samples) {
            for (int d = 0; d < row.length; d++) {
                row[d] = 2 * random.nextGaussian() + d;
            }
        }
        double tc = TotalCorrelation.gaussian(samples);
        // About L(L − 1)/(4N) = 0.05 for L = 32, N = 5,000; never negative.
        assertTrue(tc > 0 && tc < 0.1, "TC of independent dimensions: " + tc);
        assertTrue(Double.isNaN(TotalCorrelation.gaussian(new double[][] {{1, 2}})));
        assertTrue(
                Double.isNaN(TotalCorrelation.gaussian(new double[][] {{1, 2}, {2, 0}, {4, 5}})),
                "three samples of two dimensions are too few");
        assertEquals(
                Double.POSITIVE_INFINITY,
                TotalCorrelation.gaussian(new double[][] {{1, 1}, {2, 2}, {4, 4}, {3, 3}}),
                "copies have unbounded TC");
    }

    @Test
    void autoencoderCodesAreSmoothedAndTellCopiesFromIndependence() {
        SplittableRandom random = new SplittableRandom(6);
        List<float[]> independent = new ArrayList<>();
        List<float[]> copied = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            float a = (float) random.nextGaussian();
            independent.add(new float[] {a, (float) random.nextGaussian()});
            copied.add(new float[] {a, a + 0.05f * (float) random.nextGaussian()});
        }
        TotalCorrelation.Probes probes = TotalCorrelation.drawFromCodes(independent, 1500, 2);
        // Silverman: h = 1.06 · σ · 1500^(−1/5), σ ≈ 1.
        double bandwidth = Math.exp(0.5 * probes.logVariances()[0][0]);
        assertEquals(1.06 * Math.pow(1500, -0.2), bandwidth, 0.05);
        double tcIndependent = TotalCorrelation.estimate(probes);
        double tcCopied =
                TotalCorrelation.estimate(TotalCorrelation.drawFromCodes(copied, 1500, 2));
        assertTrue(Math.abs(tcIndependent) < 0.1, "independent codes: " + tcIndependent);
        assertTrue(tcCopied > 1, "copied codes: " + tcCopied);
    }

    @Test
    void drawIsSeeded() {
        List<float[]> means = List.of(new float[] {0, 1}, new float[] {2, -1}, new float[] {1, 1});
        List<float[]> logVariances = logVariances(3, 2, 0.5);
        double first = TotalCorrelation.estimate(TotalCorrelation.draw(means, logVariances, 3, 1));
        double again = TotalCorrelation.estimate(TotalCorrelation.draw(means, logVariances, 3, 1));
        assertEquals(first, again, 0);
    }

    private static List<float[]> logVariances(int rows, int width, double variance) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            float[] row = new float[width];
            java.util.Arrays.fill(row, (float) Math.log(variance));
            out.add(row);
        }
        return out;
    }
}
