package org.textvae.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;

class VocabularyBuilderTest {

    private static final List<String> POEM =
            List.of("床前明月光", "疑是地上霜", "举头望明月", "低头思故乡", "明月\uD840\uDC00 光");

    private static VocabularyOptions chars(int minFrequency, int maxSize) {
        return new VocabularyOptions(Segmentation.CHARACTER, minFrequency, maxSize);
    }

    @Test
    void ordersByCountThenToken() {
        List<String> tokens =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.WORD, 1, 100))
                        .addAll(List.of("b a c", "c b", "c d <unk>", "e"))
                        .tokens();
        assertEquals(List.of("c", "b", "a", "d", "e"), tokens);
    }

    @Test
    void respectsMinFrequencyAndMaxSize() {
        assertEquals(
                List.of("明", "月", "光", "头"),
                new VocabularyBuilder(chars(2, 100)).addAll(POEM).tokens());
        assertEquals(List.of("明", "月"), new VocabularyBuilder(chars(2, 2)).addAll(POEM).tokens());
    }

    @Test
    void sameInputGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        new VocabularyBuilder(chars(1, 100)).addAll(POEM).write(dir.resolve("a.json"));
        new VocabularyBuilder(chars(1, 100)).addAll(POEM).write(dir.resolve("b.json"));
        byte[] first = Files.readAllBytes(dir.resolve("a.json"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("b.json")));
        String json = Files.readString(dir.resolve("a.json"));
        assertTrue(json.endsWith("}\n") && !json.contains("\r"), "\"\\n\" line ends");
        assertTrue(json.contains("\"<pad>\": 0") && !json.contains("\\u003c"), json);
    }

    @Test
    void aMinimumFrequencyNoTokenReachesIsRefusedAndWritesNothing(@TempDir Path dir) {
        Corpus corpus = new Corpus("poem", POEM, List.of(), List.of(), 0);
        Path out = dir.resolve("v.json");
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> VocabularyBuilder.build(corpus, chars(1000, 100), out));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("no token occurs 1000 times or more"), e.getMessage());
        assertTrue(Files.notExists(out));
    }

    @Test
    void aCorpusWithoutTrainRowsIsRefusedWithoutAskingForALowerMinimum(@TempDir Path dir) {
        Corpus corpus = new Corpus("held-out.csv", List.of(), POEM, List.of("明月"), 0);
        Path out = dir.resolve("v.json");
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () -> VocabularyBuilder.build(corpus, chars(1, 100), out));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("no train sentences"), e.getMessage());
        assertFalse(e.getMessage().contains("--min-frequency"), e.getMessage());
        assertTrue(Files.notExists(out));
    }

    @Test
    void builtVocabularyLoadsThroughTheNativeTokenizer(@TempDir Path dir) {
        Corpus corpus = new Corpus("poem", POEM, List.of("明月照霜"), List.of(), 0);
        try (Vocabulary vocab =
                VocabularyBuilder.build(corpus, chars(1, 100), dir.resolve("v.json"))) {
            assertEquals(4 + 18, vocab.size());
            assertEquals("明", vocab.token(4));
            assertEquals("明月\uD840\uDC00光", vocab.decode(vocab.encode("明月\uD840\uDC00 光")));
            assertEquals(List.of("照"), vocab.unknownTokens("明月照霜"));
            assertEquals(0.75, vocab.coverage(corpus.valid()), 1e-9);
        }
        Corpus words = new Corpus("w", List.of("the cat", "a cat"), List.of(), List.of(), 0);
        VocabularyOptions options = new VocabularyOptions(Segmentation.WORD, 1, 10);
        try (Vocabulary vocab = VocabularyBuilder.build(words, options, dir.resolve("w.json"))) {
            assertEquals(Segmentation.WORD, vocab.segmentation());
            assertEquals("cat a the", vocab.decode(new int[] {4, 5, 6}));
        }
    }

    @Test
    void tokenizeMatchesTheNativePreTokenizerOnUnusualSpaces(@TempDir Path dir) {
        // U+00A0 and U+3000 are whitespace to HF but not both to Character.isWhitespace.
        String sentence = "明\u00A0月\u3000光\u2007霜";
        assertEquals(List.of("明", "月", "光", "霜"), Segmentation.CHARACTER.tokenize(sentence));
        Corpus corpus = new Corpus("p", POEM, List.of(), List.of(), 0);
        try (Vocabulary vocab =
                VocabularyBuilder.build(corpus, chars(1, 100), dir.resolve("v.json"))) {
            assertEquals(4, vocab.encode(sentence).length);
        }
    }

    @Test
    void detectsSegmentationAndValidatesOptions() {
        assertEquals(Segmentation.CHARACTER, Segmentation.detect(List.of("床前明月光 ok")));
        assertEquals(Segmentation.WORD, Segmentation.detect(List.of("the cat sat 月")));
        assertThrows(TextvaeException.class, () -> chars(0, 10));
        assertThrows(TextvaeException.class, () -> chars(1, 0));
        assertEquals(Segmentation.CHARACTER, VocabularyOptions.defaults().segmentation());
    }

    @Test
    void linesCutIntoOneTokenEachAreWarnedAbout() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add("😀".repeat(1 + i % 7) + "ok" + i);
        }
        VocabularyBuilder words =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.WORD, 1, 1000))
                        .addAll(lines);
        List<String> warnings = words.warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("warning: 100% of the train split's tokens occur"));
        assertTrue(warnings.get(0).contains("--segmentation character"), warnings.get(0));
        VocabularyBuilder characters =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 1000))
                        .addAll(lines);
        assertEquals(List.of(), characters.warnings());
    }

    @Test
    void ordinaryEnglishIsNotWarnedAbout() {
        List<String> lines =
                List.of(
                        "The cat sat on the mat.",
                        "The dog sat on the cat.",
                        "A cat and a dog sat on the mat, and the cat sat still.",
                        "Did the dog see the cat?",
                        "The mat was red; the cat was black.");
        VocabularyBuilder builder =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.WORD, 1, 1000))
                        .addAll(lines);
        assertEquals(List.of(), builder.warnings());
    }

    @Test
    void tokensLongerThanAnyWordAreLeftOutAndWarnedAbout(@TempDir Path dir) {
        String longLine = "ลองพิมพ์ภาษาไทย".repeat(20);
        List<String> lines = List.of("the cat sat", "the cat ran", longLine + " the");
        Corpus corpus = new Corpus("mixed", lines, List.of(), List.of(), 0);
        List<String> warnings = new ArrayList<>();
        VocabularyOptions words = new VocabularyOptions(Segmentation.WORD, 1, 100);
        try (Vocabulary vocab =
                VocabularyBuilder.build(corpus, words, dir.resolve("v.json"), warnings::add)) {
            assertEquals(4 + 4, vocab.size());
            assertEquals(vocab.unkId(), vocab.encode(longLine)[0]);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0)
                        .startsWith(
                                "warning: left 1 token longer than 100 characters out of the"
                                        + " vocabulary (the longest has 300)"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("--segmentation character"), warnings.get(0));
    }

    @Test
    void aCorpusOfOnlyOverlongTokensIsRefusedNamingTheRemedy(@TempDir Path dir) {
        Corpus corpus =
                new Corpus(
                        "thai", List.of("ก".repeat(500), "ข".repeat(200)), List.of(), List.of(), 0);
        Path out = dir.resolve("v.json");
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () ->
                                VocabularyBuilder.build(
                                        corpus,
                                        new VocabularyOptions(Segmentation.WORD, 1, 100),
                                        out));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("--segmentation character"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(Files.notExists(out));
    }
}
