package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;

/**
 * Regulated verse from a model: whatever the model, every poem keeps its form, rhyme and strict
 * tonal pattern by the independent scorer; the caller's rhyme group and first pattern are kept; the
 * seed fixes the poems; every line the writer did not force has the length the model gave it.
 */
class RegulatedPoemWriterTest {

    private static final List<String> LINES =
            List.of(
                    "白日依山盡", "黃河入海流", "欲窮千里目", "更上一層樓", "床前明月光", "疑是地上霜", "舉頭望明月", "低頭思故鄉", "紅豆生南國",
                    "春來發幾枝", "願君多采擷", "此物最相思", "千山鳥飛絕", "萬徑人蹤滅", "孤舟蓑笠翁", "獨釣寒江雪", "朝辭白帝彩雲間",
                    "千里江陵一日還", "兩岸猿聲啼不住", "輕舟已過萬重山");

    @TempDir static Path directory;
    private static SentenceVae vae;
    private static RegulatedPoemWriter writer;
    private static final ToneTable TABLE = ToneTable.bundled();

    @BeforeAll
    static void load() {
        vae = SentenceVae.load(TinyModel.write(directory, ModelKind.VAE, LINES, 8, 4));
        writer = new RegulatedPoemWriter(vae, TABLE);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void everyPoemKeepsFormRhymeAndTonesByTheScorer() {
        RegulatedVerseScorer scorer = new RegulatedVerseScorer(TABLE);
        for (VerseForm form : VerseForm.values()) {
            List<WrittenPoem> poems = writer.write(form, 20, 7, null, null);
            assertEquals(20, poems.size());
            for (WrittenPoem poem : poems) {
                PoemScore score = scorer.score(poem.poem());
                assertEquals(form, score.verseForm().orElseThrow(), poem.lines().toString());
                assertTrue(score.rhymes(), poem.lines().toString());
                assertTrue(score.strictTonal(), poem.lines().toString());
                assertEquals(0, score.unknownCharacters(), poem.lines().toString());
                assertTrue(poem.forced() <= form.lines());
            }
        }
    }

    @Test
    void theCallersRhymeGroupAndFirstPatternAreKept() {
        String group = writer.rhymeGroups().contains("陽") ? "陽" : writer.rhymeGroups().first();
        List<WrittenPoem> poems =
                writer.write(VerseForm.QILU, 5, 3, LinePattern.ZE_RISE_PING_END, group);
        for (WrittenPoem poem : poems) {
            assertEquals(LinePattern.ZE_RISE_PING_END, poem.firstPattern());
            assertEquals(group, poem.rhymeGroup());
            for (int i = 0; i < 8; i++) {
                if (i % 2 == 1 || i == 0) {
                    String line = poem.lines().get(i);
                    int last = line.codePointBefore(line.length());
                    assertTrue(TABLE.groupsOf(last).contains(group), line);
                }
            }
            assertTrue(LinePattern.ZE_RISE_PING_END.fits(codePoints(poem.lines().get(0)), TABLE));
        }
    }

    @Test
    void theSeedFixesThePoems() {
        assertEquals(
                writer.write(VerseForm.WUJUE, 6, 42, null, null),
                writer.write(VerseForm.WUJUE, 6, 42, null, null));
    }

    @Test
    void anUnknownRhymeGroupOrCountIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> writer.write(VerseForm.WUJUE, 1, 1, null, "xyz"));
        assertTrue(e.getMessage().startsWith("unknown rhyme group 'xyz'; known: "), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> writer.write(VerseForm.WUJUE, 0, 1, null, null));
    }

    @Test
    void oneCandidateALineStillKeepsTheRulesAndTheCountIsBounded() {
        RegulatedVerseScorer scorer = new RegulatedVerseScorer(TABLE);
        RegulatedPoemWriter single = new RegulatedPoemWriter(vae, TABLE, 1);
        for (WrittenPoem poem : single.write(VerseForm.WULU, 10, 5, null, null)) {
            PoemScore score = scorer.score(poem.poem());
            assertTrue(score.rhymes() && score.strictTonal(), poem.lines().toString());
            assertEquals(8, poem.codes().length);
        }
        assertThrows(IllegalArgumentException.class, () -> new RegulatedPoemWriter(vae, TABLE, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RegulatedPoemWriter(vae, TABLE, RegulatedPoemWriter.MAX_CANDIDATES + 1));
    }

    @Test
    void anAcrosticBeginsEachLineAndTheRulesStillHold() {
        RegulatedVerseScorer scorer = new RegulatedVerseScorer(TABLE);
        PoemRequest request = PoemRequest.of(VerseForm.WUJUE).withAcrostic("白日千山");
        for (WrittenPoem poem : writer.write(request, 12, 8)) {
            for (int i = 0; i < 4; i++) {
                assertEquals("白日千山".codePointAt(i), poem.lines().get(i).codePointAt(0));
            }
            PoemScore score = scorer.score(poem.poem());
            assertTrue(score.rhymes() && score.strictTonal(), poem.lines().toString());
        }
    }

    @Test
    void aFirstLineStartsThePoemAndSetsItsPatternAndRhyme() {
        String first = "朝辭白帝彩雲間";
        PoemRequest request = PoemRequest.of(VerseForm.QIJUE).withFirstLine(first);
        for (WrittenPoem poem : writer.write(request, 6, 2)) {
            assertEquals(first, poem.lines().get(0));
            assertTrue(poem.firstPattern().fits(codePoints(first), TABLE));
            assertTrue(TABLE.groupsOf('間').contains(poem.rhymeGroup()), poem.rhymeGroup());
            for (int i : new int[] {1, 3}) {
                String line = poem.lines().get(i);
                assertTrue(
                        TABLE.groupsOf(line.codePointBefore(line.length()))
                                .contains(poem.rhymeGroup()),
                        line);
            }
        }
    }

    @Test
    void requestsTheModelCannotKeepAreRefusedNamingWhy() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PoemRequest.of(VerseForm.WUJUE).withAcrostic("白日千"));
        assertEquals("the acrostic 白日千 has 3 characters; a 五絕 has 4 lines", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> writer.check(PoemRequest.of(VerseForm.WUJUE).withAcrostic("白日千龘")));
        assertEquals("龘 (in 白日千龘) is not in the model's vocabulary", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> PoemRequest.of(VerseForm.WUJUE).withFirstLine("朝辭白帝彩雲間"));
        assertThrows(
                IllegalArgumentException.class,
                () -> PoemRequest.of(VerseForm.WUJUE).withAcrostic("白日千山").withFirstLine("黃河入海流"));
    }

    private static int[] codePoints(String line) {
        return line.codePoints().toArray();
    }
}
