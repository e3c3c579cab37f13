package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterministicSplitTest {

    @Test
    void followsCrc32OfTheText() {
        // CRC32("123456789") = 0xCBF43926 = 3421780262, which is 62 mod 100.
        assertEquals(Split.TRAIN, DeterministicSplit.of("123456789"));
        assertEquals(DeterministicSplit.of("床前明月光"), DeterministicSplit.of("床前明月光"));
    }

    @Test
    void sendsAboutOnePercentEachToValidAndTest() {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (int i = 0; i < 20_000; i++) {
            counts.merge(DeterministicSplit.of("line " + i), 1, Integer::sum);
        }
        assertTrue(
                counts.get(Split.VALID) > 100 && counts.get(Split.VALID) < 300, counts::toString);
        assertTrue(counts.get(Split.TEST) > 100 && counts.get(Split.TEST) < 300, counts::toString);
    }
}
