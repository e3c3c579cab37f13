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
}
