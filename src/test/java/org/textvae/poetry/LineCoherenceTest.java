package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The coherence judge: on poems whose consecutive lines share a theme (one group of characters per
 * poem), it tells real poems from the same lines shuffled between poems, and it keeps the poems'
 * shapes when it shuffles.
 */
class LineCoherenceTest {

    private static final String[] THEMES = {"山水雲松石泉", "月夜霜寒影燈", "花春柳鶯風草", "酒杯醉歌舞琴"};

    /** Poems of 4 lines of 5 characters, each line drawn from its poem's theme only. */
    private static List<Poem> poems(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Poem> poems = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            String theme = THEMES[random.nextInt(THEMES.length)];
            String[] lines = new String[4];
            for (int i = 0; i < 4; i++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < 5; c++) {
                    line.append(theme.charAt(random.nextInt(theme.length())));
                }
                lines[i] = line.toString();
            }
            poems.add(Poem.of(lines));
        }
        return poems;
    }

    @Test
    void itTellsPoemsOfOneThemeFromShuffledLines() {
        LineCoherence judge = new LineCoherence(poems(400, 1), poems(100, 2), 3);
        List<Poem> test = poems(100, 4);
        double real = judge.consecutiveShare(test);
        double shuffled = judge.consecutiveShare(LineCoherence.shuffled(test, 5));
        assertTrue(real > 0.9, "real " + real);
        assertTrue(shuffled < 0.5, "shuffled " + shuffled);
        assertTrue(judge.score("山水雲松石", "泉山雲水松") > judge.score("山水雲松石", "酒杯醉歌舞"));
    }

    @Test
    void shufflingKeepsEachPoemsShapeAndTakesLinesFromOtherPoems() {
        List<Poem> test = poems(30, 6);
        List<Poem> shuffled = LineCoherence.shuffled(test, 7);
        assertEquals(test.size(), shuffled.size());
        for (int p = 0; p < test.size(); p++) {
            assertEquals(test.get(p).lines().size(), shuffled.get(p).lines().size());
        }
    }
}
