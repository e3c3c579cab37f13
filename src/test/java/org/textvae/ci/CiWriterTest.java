package org.textvae.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;
import org.textvae.poetry.Tone;

/** Ci written by an untrained tiny model keep their tune's form and rhyme all the same. */
class CiWriterTest {

    /** Simplified lines whose characters include rhymes of several ci groups. */
    static final List<String> LINES =
            List.of(
                    "一曲新词酒一杯", "去年天气旧亭台", "夕阳西下几时回", "无可奈何花落去", "似曾相识燕归来", "小园香径独徘徊", "明月几时有",
                    "把酒问青天", "今夕是何年", "起舞弄清影", "何似在人间", "千里共婵娟", "寻寻觅觅", "冷冷清清", "凄凄惨惨戚戚");

    /** Two stanzas: 5。7，/ 4。5。 */
    static final Tune TUNE =
            new Tune(
                    "试调",
                    "試調",
                    10,
                    10,
                    1,
                    List.of(
                            new TuneLine(5, true),
                            new TuneLine(7, false),
                            new TuneLine(4, true),
                            new TuneLine(5, true)),
                    2,
                    Tone.EITHER);

    @TempDir static Path directory;
    private static SentenceVae vae;
    private static CiWriter writer;
    private static final CiRhymes RHYMES = CiRhymes.bundled();

    @BeforeAll
    static void load() {
        vae = SentenceVae.load(TinyModel.write(directory, ModelKind.VAE, LINES, 8, 4));
        writer = new CiWriter(vae, RHYMES);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void everyCiHasTheTunesLinesAndRhymesInOneGroup() {
        List<WrittenCi> written = writer.write(TUNE, 12, null, 5);
        assertEquals(12, written.size());
        for (WrittenCi ci : written) {
            for (int i = 0; i < TUNE.lines().size(); i++) {
                String line = ci.lines().get(i);
                assertEquals(
                        TUNE.lines().get(i).length(), line.codePointCount(0, line.length()), line);
                if (TUNE.lines().get(i).rhymes()) {
                    List<String> groups = RHYMES.groupsOf(line.codePointBefore(line.length()));
                    assertTrue(groups.contains(ci.rhymeGroup()), line + " in " + ci.rhymeGroup());
                }
            }
            assertTrue(ci.forced() <= TUNE.lines().size());
            assertNoRhymeTwiceUnlessForced(ci);
        }
    }

    /** A ci the model wrote by itself never rhymes twice on one character. */
    private static void assertNoRhymeTwiceUnlessForced(WrittenCi ci) {
        if (ci.forced() > 0) {
            return;
        }
        Set<Integer> ends = new HashSet<>();
        for (int i = 0; i < TUNE.lines().size(); i++) {
            String line = ci.lines().get(i);
            if (TUNE.lines().get(i).rhymes()) {
                assertTrue(ends.add(line.codePointBefore(line.length())), ci.text());
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameCiAndAnotherSeedOthers() {
        List<WrittenCi> first = writer.write(TUNE, 4, null, 11);
        assertEquals(first, writer.write(TUNE, 4, null, 11));
        assertNotEquals(first, writer.write(TUNE, 4, null, 12));
    }

    @Test
    void aGivenGroupHoldsForEveryCiAndAnUnknownOneIsRefused() {
        // The fixture's vocabulary holds one character of (处), 去: every ci must rhyme on it,
        // which it may do only once by itself.
        for (WrittenCi ci : writer.write(TUNE, 6, "(处)", 3)) {
            assertEquals("(处)", ci.rhymeGroup());
            assertNoRhymeTwiceUnlessForced(ci);
            String last = ci.lines().get(3);
            assertTrue(RHYMES.groupsOf(last.codePointBefore(last.length())).contains("(处)"), last);
        }
        TextvaeException refused =
                assertThrows(TextvaeException.class, () -> writer.write(TUNE, 1, "东", 3));
        assertEquals(TextvaeException.Kind.USAGE, refused.kind());
        assertTrue(refused.getMessage().contains("东冬"), refused.getMessage());
    }

    @Test
    void aCiPrintsItsMarksAndItsStanzas() {
        WrittenCi ci =
                new WrittenCi(TUNE, "东冬", List.of("一二三四五", "一二三四五六七", "一二三四", "一二三四五"), 0, 0);
        assertEquals("一二三四五。一二三四五六七，\n一二三四。一二三四五。", ci.text());
    }

    @Test
    void linesFollowOneAnotherOnlyThroughKeptPosteriorsAndASuccession() {
        // The tiny model's prior is N(0, I): nothing to follow through, said in one line.
        TextvaeException refused =
                assertThrows(TextvaeException.class, () -> writer.write(TUNE, 1, null, 1, true));
        assertEquals(TextvaeException.Kind.USAGE, refused.kind());
        assertTrue(refused.getMessage().contains("prior --kind posteriors"), refused.getMessage());
        TextvaeException noTheme = assertThrows(TextvaeException.class, () -> writer.theme("月"));
        assertTrue(noTheme.getMessage().contains("prior of kept posteriors"), noTheme.getMessage());
        // Without following, the same call writes as before.
        assertEquals(writer.write(TUNE, 2, null, 9), writer.write(TUNE, 2, null, 9, false));
    }

    @Test
    void aTuneWithoutAKnownFormIsRefused() {
        Tune rare = new Tune("稀", "稀", 30, 2, 10, TUNE.lines(), 0, Tone.EITHER);
        assertThrows(TextvaeException.class, () -> writer.write(rare, 1, null, 1));
    }
}
