package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tones a writer keeps: every line that keeps a pattern's safe tones fits the pattern, faults
 * included, and the safe tones leave free every position they can.
 */
class LinePatternTest {

    /** 平 is level, 仄 oblique, 中 either. */
    private static final ToneTable TABLE =
            new ToneTable(
                    List.of(
                            new CharacterEntry('平', Tone.PING, List.of(), 1, 0, ""),
                            new CharacterEntry('仄', Tone.ZE, List.of(), 0, 1, ""),
                            new CharacterEntry('中', Tone.EITHER, List.of(), 1, 1, "")),
                    List.of());

    private static final int[] CHARACTERS = {'平', '仄', '中'};

    @Test
    void everyLineThatKeepsTheSafeTonesFitsItsPattern() {
        for (LinePattern pattern : LinePattern.values()) {
            for (int length : new int[] {5, 7}) {
                Tone[] safe = pattern.safeTones(length);
                int total = (int) Math.pow(3, length);
                int kept = 0;
                for (int code = 0; code < total; code++) {
                    int[] line = line(code, length);
                    if (keeps(line, safe)) {
                        kept++;
                        assertTrue(
                                pattern.fits(line, TABLE),
                                pattern + " " + new String(line, 0, length));
                        assertEquals(0, pattern.mismatches(line, TABLE));
                    }
                }
                assertTrue(kept > 0);
            }
        }
    }

    @Test
    void aGivenFirstCharacterOfEitherToneStillLeavesALineThatFits() {
        for (LinePattern pattern : LinePattern.values()) {
            for (int length : new int[] {5, 7}) {
                for (int head : new int[] {'平', '仄', '中'}) {
                    Tone[] safe = pattern.safeTones(length, TABLE.toneOf(head));
                    int total = (int) Math.pow(3, length);
                    for (int code = 0; code < total; code++) {
                        int[] line = line(code, length);
                        if (line[0] == head && keeps(line, safe)) {
                            assertTrue(
                                    pattern.fits(line, TABLE),
                                    pattern + " " + new String(line, 0, length));
                        }
                    }
                }
            }
        }
        assertEquals("中平平仄平", marks(LinePattern.PING_RISE_PING_END.safeTones(5, Tone.ZE)));
    }

    @Test
    void onlyTheFaultPositionsLoseTheirFreedom() {
        for (int length : new int[] {5, 7}) {
            for (LinePattern pattern : LinePattern.values()) {
                Tone[] safe = pattern.safeTones(length);
                int free = 0;
                for (int i = 0; i < length; i++) {
                    free += safe[i] == Tone.EITHER ? 1 : 0;
                }
                boolean faultProne =
                        pattern == LinePattern.PING_RISE_PING_END
                                || pattern == LinePattern.ZE_RISE_PING_END;
                assertEquals((length == 5 ? 2 : 3) - (faultProne ? 1 : 0), free, pattern + "");
            }
        }
        assertEquals("平平中仄平", marks(LinePattern.PING_RISE_PING_END.safeTones(5)));
        assertEquals("中仄仄平平", marks(LinePattern.ZE_RISE_PING_END.safeTones(5)));
        assertEquals("中仄平平中仄平", marks(LinePattern.PING_RISE_PING_END.safeTones(7)));
    }

    @Test
    void linesOfAPoemAlternateOppositionAndAdhesion() {
        LinePattern first = LinePattern.ZE_RISE_ZE_END;
        assertEquals(first, first.ofLine(0));
        assertEquals(LinePattern.PING_RISE_PING_END, first.ofLine(1));
        assertEquals(LinePattern.PING_RISE_ZE_END, first.ofLine(2));
        assertEquals(LinePattern.ZE_RISE_PING_END, first.ofLine(3));
        assertEquals(first, first.ofLine(4));
    }

    private static String marks(Tone[] tones) {
        StringBuilder out = new StringBuilder();
        for (Tone tone : tones) {
            out.append(tone == Tone.EITHER ? "中" : tone.mark());
        }
        return out.toString();
    }

    private static int[] line(int code, int length) {
        int[] line = new int[length];
        for (int i = 0; i < length; i++) {
            line[i] = CHARACTERS[code % 3];
            code /= 3;
        }
        return line;
    }

    private static boolean keeps(int[] line, Tone[] safe) {
        for (int i = 0; i < line.length; i++) {
            if (!TABLE.toneOf(line[i]).allows(safe[i])) {
                return false;
            }
        }
        return true;
    }
}
