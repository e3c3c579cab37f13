package org.textvae.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** EM recovers a mixture it is given draws of, deterministically. */
class MixtureFitTest {

    private static double[][] drawsOf(GaussianMixture mixture, int n, long seed) {
        float[][] codes = mixture.sample(n, seed);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[codes[i].length];
            for (int d = 0; d < codes[i].length; d++) {
                points[i][d] = codes[i][d];
            }
        }
        return points;
    }

    @Test
    void recoversTheWeightsAndMeansOfTwoSeparatedComponents() {
        GaussianMixture truth = GaussianMixtureTest.twoComponents();
        MixtureFit.Result fit =
                MixtureFit.fit(drawsOf(truth, 20_000, 3), new MixtureFit.Settings(2, 200, 1e-6, 5));
        GaussianMixture found = fit.mixture();
        int right = found.means()[0][0] > found.means()[1][0] ? 0 : 1;
        assertEquals(0.75, found.weights()[right], 0.01);
        assertEquals(10, found.means()[right][0], 0.05);
        assertEquals(-2, found.means()[right][1], 0.05);
        assertEquals(-3, found.means()[1 - right][0], 0.05);
        // The fit's likelihood is about the truth's on fresh draws.
        double[][] fresh = drawsOf(truth, 5_000, 4);
        assertEquals(meanLog(truth, fresh), meanLog(found, fresh), 0.02);
    }

    @Test
    void moreComponentsFitAMultimodalCloudBetterThanOne() {
        double[][] points = drawsOf(GaussianMixtureTest.twoComponents(), 5_000, 8);
        double one =
                MixtureFit.fit(points, new MixtureFit.Settings(1, 50, 1e-6, 1)).meanLogDensity();
        double two =
                MixtureFit.fit(points, new MixtureFit.Settings(2, 50, 1e-6, 1)).meanLogDensity();
        assertTrue(two > one + 0.5, "two components " + two + ", one " + one);
    }

    @Test
    void theSameSeedGivesTheSameFit() {
        double[][] points = drawsOf(GaussianMixtureTest.twoComponents(), 3_000, 9);
        MixtureFit.Settings settings = new MixtureFit.Settings(4, 30, 0, 77);
        GaussianMixture a = MixtureFit.fit(points, settings).mixture();
        GaussianMixture b = MixtureFit.fit(points, settings).mixture();
        assertArrayEquals(a.weights(), b.weights());
        assertEquals(a, b);
    }

    @Test
    void refusesTooFewPointsForTheComponents() {
        double[][] points = {{0}, {1}, {2}};
        assertThrows(
                IllegalArgumentException.class,
                () -> MixtureFit.fit(points, new MixtureFit.Settings(2, 10, 0, 1)));
    }

    private static double meanLog(LatentPrior prior, double[][] points) {
        double sum = 0;
        for (double[] p : points) {
            float[] z = new float[p.length];
            for (int d = 0; d < p.length; d++) {
                z[d] = (float) p[d];
            }
            sum += prior.logDensity(z);
        }
        return sum / points.length;
    }
}
