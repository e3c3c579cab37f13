package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Characters that rarely end a line, counted from a corpus, and the share of lines ending in one.
 */
class LineEndingsTest {

    @Test
    void aCharacterUsedInsideFarMoreOftenThanAtTheEndRarelyEndsALine() {
        List<Poem> corpus = new ArrayList<>();
        // 一 appears 100 times inside lines and once at an end: 1% of its uses.
        for (int i = 0; i < 50; i++) {
            corpus.add(Poem.of("一一山水流"));
        }
        corpus.add(Poem.of("白日依山一"));
        LineEndings endings = new LineEndings(corpus);
        assertTrue(endings.rarelyEnds('一'));
        assertFalse(endings.rarelyEnds('流'));
        assertTrue(endings.rarelyEnds('山'), "山 ends none of its 51 uses");
        assertFalse(endings.rarelyEnds('龘'), "never seen");
        assertEquals(0.5, endings.rareEndingShare(List.of(Poem.of("春風一", "秋月流"))), 1e-12);
        assertTrue(Double.isNaN(endings.rareEndingShare(List.of())));
    }
}
