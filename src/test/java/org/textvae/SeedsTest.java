package org.textvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A seed reaches PyTorch whole: ints stay themselves, high bits still count. */
class SeedsTest {

    @Test
    void seedsThatFitAnIntStayThemselves() {
        for (long seed : new long[] {0, 1, 42, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertEquals((int) seed, Seeds.fold(seed));
        }
    }

    @Test
    void seedsThatDifferOnlyInTheHighHalfStillDiffer() {
        // A plain (int) cast made both of these 42.
        assertNotEquals(Seeds.fold(42), Seeds.fold(42 + (1L << 32)));
        assertNotEquals(Seeds.fold(42 + (1L << 32)), Seeds.fold(42 + (2L << 32)));
    }

    @Test
    void derivedSeedsKeepTheValuesRunsWereSeededWith() {
        // Resume, batch order and importance sampling of earlier runs depend on these numbers.
        long seed = 42;
        assertEquals(seed * 0x9E3779B97F4A7C15L ^ 8 * 0xBF58476D1CE4E5B9L, Seeds.ofStep(seed, 7));
        assertEquals(seed * 0x9E3779B97F4A7C15L + 3, Seeds.ofEpoch(seed, 3));
        assertEquals(
                new java.util.SplittableRandom(seed ^ 0x9E3779B97F4A7C15L * 6).nextLong(),
                Seeds.ofItem(seed, 5));
    }

    @Test
    void derivedSeedsDifferByStepEpochItemAndSeed() {
        assertNotEquals(Seeds.ofStep(42, 0), Seeds.ofStep(42, 1));
        assertNotEquals(Seeds.ofStep(42, 0), Seeds.ofStep(43, 0));
        assertNotEquals(Seeds.ofEpoch(42, 0), Seeds.ofEpoch(42, 1));
        assertNotEquals(Seeds.ofItem(42, 0), Seeds.ofItem(42, 1));
        assertNotEquals(Seeds.ofItem(42, 0), Seeds.ofItem(43, 0));
    }
}
