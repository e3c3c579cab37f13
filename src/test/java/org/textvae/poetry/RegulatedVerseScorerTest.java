package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegulatedVerseScorerTest {

    /** A hand-made table: the tones of 登鸛雀樓 and a few more, 流 樓 秋 in 尤, 花 in 麻. */
    static final ToneTable TABLE = table("白日入海欲里目上一盡更窮", "依山黃河千層流樓秋花", "看", "流樓秋", "花");

    private static ToneTable table(String ze, String ping, String either, String you, String ma) {
        List<CharacterEntry> rows = new ArrayList<>();
        ze.codePoints().forEach(c -> rows.add(new CharacterEntry(c, Tone.ZE, List.of(), 0, 1, "")));
        ping.codePoints()
                .forEach(
                        c -> {
                            List<String> groups =
                                    you.indexOf(c) >= 0
                                            ? List.of("尤")
                                            : ma.indexOf(c) >= 0 ? List.of("麻") : List.of();
                            rows.add(new CharacterEntry(c, Tone.PING, groups, 1, 0, ""));
                        });
        either.codePoints()
                .forEach(c -> rows.add(new CharacterEntry(c, Tone.EITHER, List.of(), 1, 1, "")));
        return new ToneTable(rows, List.of());
    }

    private final RegulatedVerseScorer scorer = new RegulatedVerseScorer(TABLE);

    @Test
    void aRegulatedQuatrainPassesEveryRule() {
        // 登鸛雀樓, with 千 (平) standing in for 窮, which this table makes 仄 to test line 3's freedom.
        PoemScore score = scorer.score(Poem.of("白日依山盡", "黃河入海流", "欲千千里目", "更上一層樓"));
        assertEquals(VerseForm.WUJUE, score.form());
        assertTrue(score.rhymes());
        assertTrue(score.strictTonal());
        assertEquals(4, score.linesFitting());
        assertEquals(2, score.coupletsOpposed());
        assertEquals(1, score.joinsGlued());
        assertEquals(0, score.unknownCharacters());
    }

    @Test
    void aWrongToneAtAFixedPositionFailsTheLineAndThePoem() {
        // Line 2's 2nd character 平 → 仄 (河 → 日): no pattern has 仄 there and 仄 at the 4th.
        PoemScore score = scorer.score(Poem.of("白日依山盡", "黃日入海流", "欲千千里目", "更上一層樓"));
        assertFalse(score.strictTonal());
        assertEquals(3, score.linesFitting());
        assertEquals(1, score.coupletsOpposed());
        assertTrue(score.rhymes());
    }

    @Test
    void aFreePositionMayTakeEitherTone() {
        PoemScore score = scorer.score(Poem.of("山日依山盡", "黃河入海流", "欲千千里目", "更上一層樓"));
        assertTrue(score.strictTonal());
    }

    @Test
    void anEndOutsideTheGroupBreaksTheRhyme() {
        assertFalse(scorer.score(Poem.of("白日依山盡", "黃河入海流", "欲千千里目", "更上一層花")).rhymes());
        assertTrue(scorer.score(Poem.of("白日依山秋", "黃河入海流", "欲千千里目", "更上一層樓")).rhymes());
        assertFalse(scorer.score(Poem.of("白日依山花", "黃河入海流", "欲千千里目", "更上一層樓")).rhymes());
    }

    @Test
    void aCharacterOfEitherToneSatisfiesBoth() {
        PoemScore score = scorer.score(Poem.of("白看依山盡", "黃看入海流", "欲千千里目", "更上一層樓"));
        assertTrue(score.strictTonal());
    }

    @Test
    void isolatedLevelIsFoundAndItsRescueIsNot() {
        assertTrue(TonalFaults.isolatedLevel(cp("日河日入流"), TABLE)); // 仄平仄仄平
        assertTrue(TonalFaults.isolatedLevel(cp("山日日河日入流"), TABLE)); // 7: 平仄仄平仄仄平
        assertFalse(TonalFaults.isolatedLevel(cp("日河山入流"), TABLE)); // 仄平平仄平: rescued
        assertFalse(TonalFaults.isolatedLevel(cp("日日日河流"), TABLE)); // 仄仄仄平平
        assertFalse(LinePattern.fitsAny(cp("日河日入流"), TABLE));
        assertTrue(LinePattern.fitsAny(cp("日河山入流"), TABLE));
        PoemScore score = scorer.score(Poem.of("白日依山盡", "日河日入流", "欲千千里目", "更上一層樓"));
        assertEquals(1, score.isolatedLevel());
        assertFalse(score.strictTonal());
    }

    @Test
    void threeLevelTailIsFound() {
        assertTrue(TonalFaults.threeLevelTail(cp("日日山河流"), TABLE)); // 仄仄平平平
        assertFalse(TonalFaults.threeLevelTail(cp("日日看河流"), TABLE)); // 看 may be 仄
        assertFalse(LinePattern.fitsAny(cp("日日山河流"), TABLE));
        PoemScore score = scorer.score(Poem.of("白日依山盡", "黃河入海流", "欲千千里目", "更上山層樓"));
        assertEquals(1, score.threeLevelTail());
        assertFalse(score.strictTonal());
    }

    @Test
    void ungluedCoupletsFailStrictlyButPassLineByLine() {
        // Couplet 2 repeats couplet 1: each line fits a pattern, the join is not 粘.
        PoemScore score = scorer.score(Poem.of("白日依山盡", "黃河入海流", "白日依山盡", "黃河入海樓"));
        assertEquals(4, score.linesFitting());
        assertEquals(0, score.joinsGlued());
        assertFalse(score.strictTonal());
    }

    @Test
    void otherShapesHaveNoFormAndNoRhymeOrStrictPattern() {
        PoemScore score = scorer.score(Poem.of("白日依山盡", "黃河入海流", "欲千千里目"));
        assertNull(score.form());
        assertFalse(score.rhymes());
        assertFalse(score.strictTonal());
        assertEquals(3, score.lines());
        assertEquals(0, score.couplets());
    }

    @Test
    void charactersOutsideTheTableAreCounted() {
        assertEquals(
                2, scorer.score(Poem.of("白日依山盡", "黃河入海流", "欲千千里目", "甲乙一層樓")).unknownCharacters());
    }

    @Test
    void theBundledTablePassesAFamousPoemAndFailsItsTonalScramble() {
        RegulatedVerseScorer bundled = new RegulatedVerseScorer(ToneTable.bundled());
        PoemScore real = bundled.score(Poem.of("白日依山盡", "黃河入海流", "欲窮千里目", "更上一層樓"));
        assertTrue(real.rhymes());
        assertTrue(real.strictTonal());
        PoemScore scrambled = bundled.score(Poem.of("依山白日盡", "入海黃河流", "千里欲窮目", "一層更上樓"));
        assertFalse(scrambled.strictTonal());
    }

    private static int[] cp(String line) {
        return line.codePoints().toArray();
    }
}
