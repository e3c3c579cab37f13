package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The MI estimator of He et al. (2019) against values computed by hand. */
class MutualInformationTest {

    @Test
    void threeSentenceToyMatchesTheHandComputedValue() {
        // 1-D posteriors N(0, 1), N(1, 0.25), N(−1, 1) probed at z = 0.5, 1, −2.
        // Negative entropies −½ log 2π − ½(1 + log σ²): −1.418939, −0.725791, −1.418939;
        // mean −1.187889.
        // log q(z_n) = log(⅓ Σ_m N(z_n; μ_m, σ²_m)): −1.133696, −1.008912, −2.316138; mean
        // −1.486249. I = −1.187889 + 1.486249 = 0.298359.
        double[][] means = {{0}, {1}, {-1}};
        double[][] logVariances = {{0}, {Math.log(0.25)}, {0}};
        double[][] z = {{0.5}, {1}, {-2}};
        assertEquals(0.2983591465737561, MutualInformation.estimate(means, logVariances, z), 1e-12);
    }

    @Test
    void identicalPosteriorsAtTheirMeansGiveTheEntropyGapOnly() {
        // All q(z|x) = N(0, 1) and probes at z = 0: log q(z) = log q(z|x) = −½ log 2π, while the
        // closed-form term is −½ log 2π − ½; so I = −½ exactly (the estimator's sampling noise,
        // here pinned at its most negative).
        double[][] zeros = {{0}, {0}, {0}, {0}};
        assertEquals(-0.5, MutualInformation.estimate(zeros, zeros, zeros), 1e-12);
    }

    @Test
    void collapsedPosteriorsGiveNearZeroWithManySentences() {
        List<float[]> means = new ArrayList<>();
        List<float[]> logVariances = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            means.add(new float[4]);
            logVariances.add(new float[4]);
        }
        double mi = MutualInformation.estimate(means, logVariances, 3000, 11);
        // The noise is that of a mean of 3000 draws of ½(χ²₄ − 4): standard deviation 0.026.
        assertTrue(Math.abs(mi) < 0.1, "MI of a collapsed posterior: " + mi);
    }

    @Test
    void wellSeparatedPosteriorsGiveLogOfTheNumberOfClusters() {
        // 400 sentences in four groups with narrow posteriors far apart: z tells the group and
        // nothing more, so I(x; z) = log 4 (noise: a mean of 400 draws of ½(χ²₁ − 1), sd 0.035).
        List<float[]> means = new ArrayList<>();
        List<float[]> logVariances = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            means.add(new float[] {-30 + 20 * (i % 4)});
            logVariances.add(new float[] {-4});
        }
        double mi = MutualInformation.estimate(means, logVariances, 400, 3);
        assertEquals(Math.log(4), mi, 0.15);
    }

    @Test
    void subsampleIsDistinctRowsOfTheRightSize() {
        List<Integer> rows = MutualInformation.subsample(100, 30, new SplittableRandom(1));
        assertEquals(30, rows.size());
        assertEquals(30, new HashSet<>(rows).size());
        assertTrue(rows.stream().allMatch(row -> row >= 0 && row < 100));
        assertEquals(List.of(0, 1, 2), MutualInformation.subsample(3, 30, new SplittableRandom(1)));
    }
}
