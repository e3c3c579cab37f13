package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interpolation pairs are drawn without a model, so a caller can check them first. */
class SampleQualityTest {

    private static final List<String> LINES = List.of("春眠不覺曉", "處處聞啼鳥", "夜來風雨聲");

    @Test
    void pairsAreSeededAndNeverJoinALineToItself() {
        List<List<String>> pairs = SampleQuality.pairs(LINES, 200, 9);
        assertEquals(pairs, SampleQuality.pairs(LINES, 200, 9));
        assertNotEquals(pairs, SampleQuality.pairs(LINES, 200, 10));
        // With three lines a third of the draws pick the same line twice and are dropped.
        assertTrue(pairs.size() > 100 && pairs.size() < 170, "pairs: " + pairs.size());
        for (List<String> pair : pairs) {
            assertEquals(2, pair.size());
            assertNotEquals(pair.get(0), pair.get(1));
            assertTrue(LINES.containsAll(pair), pair.toString());
        }
    }

    @Test
    void oneHeldOutLineGivesNoPair() {
        assertEquals(List.of(), SampleQuality.pairs(List.of("春眠不覺曉"), 50, 1));
        assertEquals(List.of(), SampleQuality.pairs(List.of("春眠不覺曉", "春眠不覺曉"), 50, 1));
    }
}
