package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.generate.TinyModel;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;
import org.textvae.prior.PosteriorMixture;
import org.textvae.prior.PriorEntry;

/**
 * Themed poems: the first line's code is a kept line that holds the word, every later line's one
 * that holds the word or an image of it, the images are characters the kept lines pair with the
 * word, and words the model cannot theme are refused naming why.
 */
class ThemeTest {

    private static final List<String> LINES =
            List.of(
                    "白日依山盡", "黃河入海流", "欲窮千里目", "更上一層樓", "床前明月光", "疑是地上霜", "舉頭望明月", "低頭思故鄉", "紅豆生南國",
                    "春來發幾枝", "願君多采擷", "此物最相思", "千山鳥飛絕", "萬徑人蹤滅", "孤舟蓑笠翁", "獨釣寒江雪");

    /** Nearly point posteriors, so that a drawn code names the kept line it came from. */
    private static final double NARROW = 1e-6;

    @TempDir static Path directory;
    private static SentenceVae vae;
    private static RegulatedPoemWriter writer;
    private static float[][] means;
    private static List<String> decoded;

    @BeforeAll
    static void load() {
        Path bare = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 11);
        SplittableRandom random = new SplittableRandom(5);
        means = new float[300][4];
        float[][] sigmas = new float[300][4];
        int[] lengths = new int[300];
        for (int k = 0; k < means.length; k++) {
            for (int i = 0; i < 4; i++) {
                means[k][i] = (float) (3 * random.nextGaussian());
                sigmas[k][i] = 1;
            }
            lengths[k] = 5;
        }
        Path withPrior = directory.resolve("kept.ckpt");
        PriorEntry.with(
                        Checkpoint.read(bare),
                        new PosteriorMixture(means, sigmas, NARROW, lengths),
                        "test")
                .write(withPrior);
        vae = SentenceVae.load(withPrior);
        writer = new RegulatedPoemWriter(vae, ToneTable.bundled());
        decoded = vae.decodeAll(means, 6, 0, new int[0]);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    /** The commonest character of the decoded kept lines: a word the model can theme. */
    private static String commonest() {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : decoded) {
            line.codePoints()
                    .distinct()
                    .forEach(cp -> counts.merge(Character.toString(cp), 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int keptLineOf(float[] code) {
        for (int k = 0; k < means.length; k++) {
            float[] mean = means[k];
            boolean same = true;
            for (int i = 0; i < mean.length; i++) {
                same &= Math.abs(mean[i] - code[i]) < 1e-3;
            }
            if (same) {
                return k;
            }
        }
        throw new AssertionError("a code from no kept line: " + Arrays.toString(code));
    }

    @Test
    void firstLinesComeFromLinesHoldingTheWordAndTheRestFromLinesOnTheTheme() {
        String word = commonest();
        Theme theme = writer.theme(VerseForm.WUJUE, word);
        assertEquals(decoded.stream().filter(line -> line.contains(word)).count(), theme.lines());
        List<WrittenPoem> poems =
                writer.write(PoemRequest.of(VerseForm.WUJUE).withTheme(word), 20, 3);
        List<Integer> later = new ArrayList<>();
        for (WrittenPoem poem : poems) {
            float[][] codes = poem.codes();
            assertTrue(decoded.get(keptLineOf(codes[0])).contains(word), poem.lines().toString());
            for (int i = 1; i < codes.length; i++) {
                int k = keptLineOf(codes[i]);
                assertTrue(theme.touches(decoded.get(k)), decoded.get(k));
                later.add(k);
            }
        }
        assertTrue(later.stream().distinct().count() > 1, "later lines from one kept line");
        assertEquals(poems, writer.write(PoemRequest.of(VerseForm.WUJUE).withTheme(word), 20, 3));
    }

    @Test
    void threadsSharingAWriterWriteWhatOneThreadWrites() throws Exception {
        RegulatedPoemWriter fresh = new RegulatedPoemWriter(vae, ToneTable.bundled());
        String word = commonest();
        PoemRequest request = PoemRequest.of(VerseForm.WUJUE).withTheme(word);
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<WrittenPoem>>> futures = new ArrayList<>();
            for (int seed = 0; seed < 8; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> fresh.write(request, 5, s)));
            }
            for (int seed = 0; seed < 8; seed++) {
                assertEquals(writer.write(request, 5, seed), futures.get(seed).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The theme a poem of its own theme takes from {@code first}: the rule, restated. */
    private static Theme ownThemeOf(String first) {
        Theme chosen = null;
        for (int cp : first.codePoints().toArray()) {
            try {
                Theme theme = writer.theme(VerseForm.WUJUE, Character.toString(cp));
                if (theme.lines() >= PoemDraft.OWN_THEME_LINES
                        && (chosen == null || theme.lines() < chosen.lines())) {
                    chosen = theme;
                }
            } catch (IllegalArgumentException e) {
                // held by no kept line
            }
        }
        return chosen;
    }

    @Test
    void eachPoemOfItsOwnThemeKeepsToAWordOfItsFirstLine() {
        ToneTable table = ToneTable.bundled();
        String first =
                LINES.stream()
                        .filter(line -> line.codePointCount(0, line.length()) == 5)
                        .filter(line -> line.codePoints().allMatch(table::covers))
                        .filter(line -> ownThemeOf(line) != null)
                        .findFirst()
                        .orElseThrow();
        Theme theme = ownThemeOf(first);
        PoemRequest request = PoemRequest.of(VerseForm.WUJUE).withFirstLine(first).withOwnTheme();
        List<WrittenPoem> poems = writer.write(request, 10, 9);
        assertEquals(poems, writer.write(request, 10, 9));
        RegulatedVerseScorer scorer = new RegulatedVerseScorer(table);
        for (WrittenPoem poem : poems) {
            assertTrue(scorer.score(poem.poem()).strictTonal(), poem.lines().toString());
            float[][] codes = poem.codes();
            for (int i = 1; i < codes.length; i++) {
                String kept = decoded.get(keptLineOf(codes[i]));
                assertTrue(theme.touches(kept), kept + " is off the theme " + theme);
            }
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> PoemRequest.of(VerseForm.WUJUE).withTheme("月").withOwnTheme());
    }

    @Test
    void imagesAreCharactersTheKeptLinesPairWithTheWord() {
        String word = commonest();
        Theme theme = writer.theme(VerseForm.WUJUE, word);
        assertTrue(theme.imagery().size() <= KeptLines.IMAGERY);
        for (String image : theme.imagery()) {
            assertFalse(word.contains(image));
            long shared =
                    decoded.stream().filter(l -> l.contains(word) && l.contains(image)).count();
            assertTrue(shared >= KeptLines.MIN_SHARED, image + " shares " + shared + " lines");
            double alone =
                    (double) decoded.stream().filter(l -> l.contains(image)).count()
                            / decoded.size();
            assertTrue(
                    (double) shared / theme.lines() > alone,
                    image + " is no likelier beside " + word);
        }
    }

    @Test
    void wordsTheModelCannotThemeAreRefusedNamingWhy() {
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> writer.check(PoemRequest.of(VerseForm.WUJUE).withTheme("龘")));
        assertEquals(
                "the theme 龘 holds 龘, which is not in the model's vocabulary",
                unknown.getMessage());
        String absent =
                LINES.stream()
                        .flatMap(line -> line.codePoints().mapToObj(Character::toString))
                        .filter(c -> decoded.stream().noneMatch(line -> line.contains(c)))
                        .findFirst()
                        .orElseThrow();
        IllegalArgumentException unseen =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> writer.theme(VerseForm.WUJUE, absent));
        assertTrue(unseen.getMessage().contains("holds " + absent), unseen.getMessage());
        IllegalArgumentException noLengths =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> writer.theme(VerseForm.QIJUE, commonest()));
        assertTrue(
                noLengths.getMessage().contains("prior --kind posteriors"), noLengths.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> PoemRequest.of(VerseForm.WUJUE).withTheme(" "));
    }

    @Test
    void theJudgesImageryComesFromRealPoemsAndCountsLinesOnTheTheme() {
        List<Poem> training = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            training.add(Poem.of("明月照高樓", "清風入夜來"));
            training.add(Poem.of("白日依山盡", "黃河入海流"));
        }
        ThemeJudge judge = new ThemeJudge(training);
        List<String> imagery = judge.imageryOf("月");
        assertTrue(imagery.containsAll(List.of("明", "照", "清", "風")), imagery.toString());
        assertFalse(imagery.contains("河"), imagery.toString());
        List<Poem> written = List.of(Poem.of("明日照山河", "黃河入海流"), Poem.of("清江月", "風起"));
        assertEquals(0.5, ThemeJudge.holdingShare(written, "月"));
        assertEquals(0.75, judge.touchingShare(written, "月"));
    }

    @Test
    void keepingChoosesComponentsInOrder() {
        PosteriorMixture all = (PosteriorMixture) vae.prior();
        PosteriorMixture two = all.keeping(new int[] {7, 2});
        assertArrayEquals(means[7], two.means()[0]);
        assertArrayEquals(means[2], two.means()[1]);
        assertArrayEquals(new int[] {5, 5}, two.lengths());
        assertThrows(IllegalArgumentException.class, () -> all.keeping(new int[0]));
    }
}
