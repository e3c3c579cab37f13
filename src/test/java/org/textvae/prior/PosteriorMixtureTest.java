package org.textvae.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The kept posteriors as a prior: density in closed form, draws where the posteriors lie. */
class PosteriorMixtureTest {

    private static PosteriorMixture twoSentences(double widening) {
        return new PosteriorMixture(
                new float[][] {{-4, 0}, {4, 1}}, new float[][] {{0.5f, 1}, {0.25f, 2}}, widening);
    }

    /** log N(z; μ, diag σ²) by the textbook formula. */
    private static double diagonalNormal(float[] z, float[] mean, float[] sigma, double h) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double sd = h * sigma[i];
            double u = (z[i] - mean[i]) / sd;
            sum += -0.5 * u * u - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
        }
        return sum;
    }

    @Test
    void densityIsTheMeanOfTheWidenedPosteriors() {
        PosteriorMixture prior = twoSentences(1.5);
        float[] z = {0.3f, -0.7f};
        double a = diagonalNormal(z, new float[] {-4, 0}, new float[] {0.5f, 1}, 1.5);
        double b = diagonalNormal(z, new float[] {4, 1}, new float[] {0.25f, 2}, 1.5);
        double expected = Math.log(0.5 * Math.exp(a) + 0.5 * Math.exp(b));
        assertEquals(expected, prior.logDensity(z), 1e-9);
    }

    @Test
    void drawsComeFromEachPosteriorInTurnWithItsWidenedSpread() {
        PosteriorMixture prior = twoSentences(2);
        float[][] draws = prior.sample(40_000, 11);
        double[] sum = new double[2];
        double[] squares = new double[2];
        int[] count = new int[2];
        for (float[] z : draws) {
            int k = z[0] < 0 ? 0 : 1; // the components are 8 apart in z[0], spreads 1 and 0.5
            count[k]++;
            sum[k] += z[0];
            squares[k] += z[0] * z[0];
        }
        assertEquals(0.5, count[0] / 40_000.0, 0.01);
        assertEquals(-4, sum[0] / count[0], 0.02);
        assertEquals(4, sum[1] / count[1], 0.02);
        double sd0 = Math.sqrt(squares[0] / count[0] - Math.pow(sum[0] / count[0], 2));
        double sd1 = Math.sqrt(squares[1] / count[1] - Math.pow(sum[1] / count[1], 2));
        assertEquals(1.0, sd0, 0.02);
        assertEquals(0.5, sd1, 0.02);
    }

    @Test
    void theSameSeedDrawsTheSameCodes() {
        assertArrayEquals(twoSentences(1).sample(5, 3), twoSentences(1).sample(5, 3));
    }

    @Test
    void badPosteriorsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PosteriorMixture(new float[][] {{0}}, new float[][] {{0}}, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PosteriorMixture(new float[][] {{0}}, new float[][] {{1}}, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PosteriorMixture(new float[][] {{0}, {1}}, new float[][] {{1}}, 1));
    }

    @Test
    void ofLengthKeepsOnlyTheSentencesOfThatLength() {
        PosteriorMixture prior =
                new PosteriorMixture(
                        new float[][] {{-4, 0}, {4, 1}, {9, 9}},
                        new float[][] {{0.5f, 1}, {0.25f, 2}, {1, 1}},
                        1.5,
                        new int[] {7, 5, 7});
        assertEquals(2, prior.countOfLength(7));
        PosteriorMixture sevens = prior.ofLength(7);
        assertEquals(2, sevens.components());
        assertArrayEquals(new float[][] {{-4, 0}, {9, 9}}, sevens.means());
        assertArrayEquals(new float[][] {{0.5f, 1}, {1, 1}}, sevens.sigmas());
        assertEquals(1.5, sevens.widening());
        assertArrayEquals(new int[] {7, 7}, sevens.lengths());
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> prior.ofLength(6));
        assertEquals("this prior holds no line of 6 tokens", none.getMessage());
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> twoSentences(1).ofLength(5));
        assertEquals("this prior does not know its lines' lengths", unknown.getMessage());
        assertEquals(0, twoSentences(1).countOfLength(5));
    }

    @Test
    void lengthsMustBeOnePositiveValuePerSentence() {
        float[][] means = {{0}, {1}};
        float[][] sigmas = {{1}, {1}};
        assertThrows(
                IllegalArgumentException.class,
                () -> new PosteriorMixture(means, sigmas, 1, new int[] {5}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PosteriorMixture(means, sigmas, 1, new int[] {5, 0}));
    }
}
