package org.textvae.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Draws and densities of the mixture, against the closed forms they must match. */
class GaussianMixtureTest {

    /** Two components in 2-D, one correlated. */
    static GaussianMixture twoComponents() {
        return new GaussianMixture(
                new double[] {0.25, 0.75},
                new double[][] {{-3, 1}, {10, -2}},
                new double[][][] {{{1, 0}, {0, 0.5}}, {{2, 0}, {1.5, 0.7}}});
    }

    @Test
    void oneStandardComponentHasTheStandardNormalsDensity() {
        GaussianMixture standard =
                new GaussianMixture(
                        new double[] {1},
                        new double[][] {{0, 0, 0}},
                        new double[][][] {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
        float[] z = {0.3f, -1.2f, 2.5f};
        assertEquals(new StandardNormal(3).logDensity(z), standard.logDensity(z), 1e-12);
    }

    @Test
    void densityIsTheWeightedSumOfTheComponentDensities() {
        GaussianMixture mixture = twoComponents();
        float[] z = {1.0f, -0.5f};
        // Component 1: N([-3, 1], diag(1, 0.25)).
        double first = gaussian(1.0 + 3, 1) * gaussian(-0.5 - 1, 0.5);
        // Component 2: z = μ + L u with L = [[2, 0], [1.5, 0.7]], solved for u.
        double u1 = (1.0 - 10) / 2;
        double u2 = (-0.5 + 2 - 1.5 * u1) / 0.7;
        double second = gaussian(u1, 1) * gaussian(u2, 1) / (2 * 0.7);
        assertEquals(Math.log(0.25 * first + 0.75 * second), mixture.logDensity(z), 1e-9);
    }

    private static double gaussian(double x, double sigma) {
        return Math.exp(-0.5 * x * x / (sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
    }

    @Test
    void drawsHaveTheMixturesWeightsMeansAndCovariances() {
        GaussianMixture mixture = twoComponents();
        float[][] codes = mixture.sample(200_000, 7);
        int right = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXy = 0;
        double sumXx = 0;
        for (float[] z : codes) {
            if (z[0] > 0.5) {
                right++;
                sumX += z[0];
                sumY += z[1];
                sumXy += z[0] * z[1];
                sumXx += z[0] * z[0];
            }
        }
        assertEquals(0.75, right / 200_000.0, 0.005);
        double meanX = sumX / right;
        double meanY = sumY / right;
        assertEquals(10, meanX, 0.02);
        assertEquals(-2, meanY, 0.02);
        // Covariance L Lᵀ of the second component: var x = 4, cov(x, y) = 3.
        assertEquals(4, sumXx / right - meanX * meanX, 0.05);
        assertEquals(3, sumXy / right - meanX * meanY, 0.05);
    }

    @Test
    void theSeedFixesTheDraws() {
        GaussianMixture mixture = twoComponents();
        assertArrayEquals(mixture.sample(5, 11), mixture.sample(5, 11));
        assertNotEquals(mixture.sample(1, 11)[0][0], mixture.sample(1, 12)[0][0]);
    }

    @Test
    void standardNormalDrawsAsGenerationAlwaysHas() {
        // Row by row, value by value from one SplittableRandom: seeded lines stay what they were.
        SplittableRandom random = new SplittableRandom(99);
        float[][] codes = new StandardNormal(3).sample(2, 99);
        for (float[] code : codes) {
            for (float value : code) {
                assertEquals((float) random.nextGaussian(), value);
            }
        }
    }

    @Test
    void refusesWeightsThatDoNotSumToOneAndFactorsWithoutAPositiveDiagonal() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new GaussianMixture(
                                new double[] {0.5},
                                new double[][] {{0}},
                                new double[][][] {{{1}}}));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new GaussianMixture(
                                new double[] {1}, new double[][] {{0}}, new double[][][] {{{0}}}));
    }
}
