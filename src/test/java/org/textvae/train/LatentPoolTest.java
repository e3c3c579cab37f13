package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pool of recent codes: eviction order, draws only from filled rows, exact round trip. */
class LatentPoolTest {

    @Test
    void drawsOnlyCodesItHoldsAndForgetsTheOldest() {
        LatentPool pool = new LatentPool(3, 2);
        assertThrows(IllegalStateException.class, () -> pool.draw(1, new SplittableRandom(1)));
        pool.add(new float[] {1, 1, 2, 2});
        assertEquals(Set.of(1f, 2f), firstDimensions(pool.draw(200, new SplittableRandom(2))));
        pool.add(new float[] {3, 3, 4, 4}); // the fourth row replaces the first
        assertEquals(3, pool.size());
        float[] drawn = pool.draw(300, new SplittableRandom(3));
        assertEquals(Set.of(2f, 3f, 4f), firstDimensions(drawn));
        for (int i = 0; i < drawn.length; i += 2) {
            assertEquals(drawn[i], drawn[i + 1], "rows stay whole");
        }
        assertThrows(IllegalArgumentException.class, () -> pool.add(new float[] {1, 2, 3}));
    }

    @Test
    void encodingRestoresTheSameDrawsPartlyFilledAndFull() throws IOException {
        for (int rows : new int[] {2, 7}) {
            LatentPool pool = new LatentPool(5, 3);
            SplittableRandom fill = new SplittableRandom(rows);
            for (int i = 0; i < rows; i++) {
                pool.add(new float[] {fill.nextInt(100), fill.nextInt(100), fill.nextInt(100)});
            }
            LatentPool copy = LatentPool.decode(pool.encode());
            assertEquals(pool.size(), copy.size());
            assertArrayEquals(
                    pool.draw(50, new SplittableRandom(9)), copy.draw(50, new SplittableRandom(9)));
            pool.add(new float[] {-1, -1, -1});
            copy.add(new float[] {-1, -1, -1});
            assertArrayEquals(
                    pool.draw(50, new SplittableRandom(4)),
                    copy.draw(50, new SplittableRandom(4)),
                    "the ring continues where it was");
        }
    }

    @Test
    void damagedEncodingsAreRejected() {
        byte[] encoded = new LatentPool(4, 2).encode();
        assertThrows(IOException.class, () -> LatentPool.decode(Arrays.copyOf(encoded, 6)));
        byte[] badSize = encoded.clone();
        badSize[11] = 9; // size 9 in a pool of 4
        assertThrows(IOException.class, () -> LatentPool.decode(badSize));
        byte[] badWidth = encoded.clone();
        badWidth[7] = 0; // width 0
        assertThrows(IOException.class, () -> LatentPool.decode(badWidth));
    }

    private static Set<Float> firstDimensions(float[] rows) {
        Set<Float> values = new HashSet<>();
        for (int i = 0; i < rows.length; i += 2) {
            values.add(rows[i]);
        }
        assertTrue(values.size() > 0);
        return values;
    }
}
