package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.textvae.prior.PosteriorMixture;

/**
 * The line succession: ridge regression recovers a known linear map and its noise, survives JSON,
 * and draws the next line from the kept posteriors near its prediction.
 */
class LineSuccessionTest {

    /** Poems whose next code is (z1 + 1, −z0) plus noise of spread 0.1. */
    private static List<float[][]> poems(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[][]> poems = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            float[][] codes = new float[4][2];
            codes[0] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()};
            for (int i = 1; i < 4; i++) {
                codes[i][0] = (float) (codes[i - 1][1] + 1 + 0.1 * random.nextGaussian());
                codes[i][1] = (float) (-codes[i - 1][0] + 0.1 * random.nextGaussian());
            }
            poems.add(codes);
        }
        return poems;
    }

    @Test
    void ridgeRegressionRecoversAKnownMapAndItsNoise() {
        LineSuccession fitted = LineSuccession.fit(poems(2000, 1), 1e-6);
        float[] next = fitted.predict(new float[] {0.5f, 2});
        assertEquals(3, next[0], 0.02);
        assertEquals(-0.5, next[1], 0.02);
        assertEquals(0.1, fitted.residual(), 0.01);
        assertEquals(6000, fitted.pairs());
        LineSuccession read = LineSuccession.fromJson(fitted.toJson());
        assertArrayEquals(next, read.predict(new float[] {0.5f, 2}));
        assertEquals(fitted.residual(), read.residual());
    }

    @Test
    void theNextLineComesFromTheKeptPosteriorNearestThePrediction() {
        LineSuccession fitted = LineSuccession.fit(poems(2000, 2), 1e-6);
        PosteriorMixture kept =
                new PosteriorMixture(
                        new float[][] {{3, -0.5f}, {-3, 3}, {0, 0}},
                        new float[][] {{0.01f, 0.01f}, {0.01f, 0.01f}, {0.01f, 0.01f}},
                        1,
                        new int[] {5, 5, 5});
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            float[] next = fitted.next(new float[] {0.5f, 2}, kept, random);
            assertTrue(Math.abs(next[0] - 3) < 0.1 && Math.abs(next[1] + 0.5) < 0.1);
        }
    }
}
