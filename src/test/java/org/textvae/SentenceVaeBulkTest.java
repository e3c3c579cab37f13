package org.textvae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.ChunkedDecoding;
import org.textvae.generate.Encoding;
import org.textvae.generate.Interpolation;
import org.textvae.generate.SentencePair;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;

/**
 * Many sentences at once: batched encoding agrees with one sentence at a time whatever lengths
 * share a batch, and bulk reconstruction and interpolation give the lines of the one-at-a-time
 * calls, in order, streamed in batches or whole paths.
 */
class SentenceVaeBulkTest {

    @TempDir static Path directory;
    private static SentenceVae vae;

    @BeforeAll
    static void load() {
        // Two workers, so the batches of a bulk call decode on more than one thread.
        vae = SentenceVae.load(TinyModel.write(directory, 8, 1), 2);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    /**
     * Sentences of 1 to 17 characters, in no order of length, the fourth with a character outside
     * the vocabulary: padded batches.
     */
    private static List<String> mixedLengths(int count) {
        List<String> sentences = new ArrayList<>();
        String all = String.join("", TinyModel.LINES);
        for (int i = 0; i < count; i++) {
            int start = (i * 7) % (all.length() - 17);
            sentences.add(all.substring(start, start + 1 + (i * 5) % 17));
        }
        sentences.set(3, "春眠不覺龘");
        return sentences;
    }

    @Test
    void batchedEncodingGivesEachSentenceItsOwnPosterior() {
        List<String> sentences = mixedLengths(40);
        List<Encoding> batched = vae.encodeAll(sentences);
        assertEquals(sentences.size(), batched.size());
        for (int i = 0; i < sentences.size(); i++) {
            Encoding alone = vae.encode(sentences.get(i));
            String which = "sentence " + i + ": " + sentences.get(i);
            assertArrayEquals(alone.mean(), batched.get(i).mean(), 1e-5f, which);
            assertArrayEquals(alone.sigma(), batched.get(i).sigma(), 1e-5f, which);
            assertEquals(alone.unknownTokens(), batched.get(i).unknownTokens(), which);
        }
        assertEquals(List.of("龘"), batched.get(3).unknownTokens());
        assertEquals(List.of(), vae.encodeAll(List.of()));
    }

    @Test
    void reconstructAllIsReconstructOfEachLine() {
        List<String> sentences = mixedLengths(40);
        List<String> expected = new ArrayList<>();
        for (String sentence : sentences) {
            expected.add(vae.reconstruct(sentence));
        }
        assertEquals(expected, vae.reconstructAll(sentences));
    }

    @Test
    void reconstructionsAreStreamedInDecoderBatchesInOrder() {
        List<String> sentences = mixedLengths(150);
        List<Integer> sizes = new ArrayList<>();
        List<String> streamed = new ArrayList<>();
        vae.reconstructEach(
                sentences,
                batch -> {
                    sizes.add(batch.size());
                    streamed.addAll(batch);
                });
        assertEquals(List.of(ChunkedDecoding.ROWS, 150 - ChunkedDecoding.ROWS), sizes);
        assertEquals(vae.reconstructAll(sentences), streamed);
        assertEquals(vae.reconstruct(sentences.get(149)), streamed.get(149));
    }

    @Test
    void interpolateAllIsInterpolateOfEachPairHandedOnWholePaths() {
        List<SentencePair> pairs =
                List.of(
                        new SentencePair("春眠不覺曉", "獨釣寒江雪"),
                        new SentencePair("白日", "黃河入海流"),
                        new SentencePair("床前明月光疑是地上霜", "花"),
                        new SentencePair("千山鳥飛絕", "萬徑人蹤滅"));
        // 700 points: a window holds two paths, and decoder batches cut them in the middle.
        for (int steps : new int[] {5, 700}) {
            List<List<String>> streamed = new ArrayList<>();
            vae.interpolateEach(pairs, steps, Interpolation.SPHERICAL, streamed::add);
            assertEquals(pairs.size(), streamed.size());
            for (int i = 0; i < pairs.size(); i++) {
                SentencePair pair = pairs.get(i);
                assertEquals(
                        vae.interpolate(pair.from(), pair.to(), steps, Interpolation.SPHERICAL),
                        streamed.get(i),
                        "pair " + i + ", " + steps + " steps");
            }
            assertEquals(streamed, vae.interpolateAll(pairs, steps, Interpolation.SPHERICAL));
        }
    }

    @Test
    void everySentenceIsCheckedBeforeAnyLineIsDecoded() {
        List<String> sentences = new ArrayList<>(mixedLengths(150));
        sentences.set(140, "   ");
        List<String> printed = new ArrayList<>();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> vae.reconstructEach(sentences, printed::addAll));
        assertTrue(e.getMessage().startsWith("sentence 140: "), e.getMessage());
        assertEquals(List.of(), printed, "nothing decoded before the bad sentence was found");
        IllegalArgumentException tooLong =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> vae.encodeAll(List.of("春眠", "春".repeat(1000))));
        assertTrue(tooLong.getMessage().startsWith("sentence 1: "), tooLong.getMessage());
        List<SentencePair> pairs =
                List.of(new SentencePair("春眠", "夜來"), new SentencePair("花落", "春\uD800"));
        IllegalArgumentException pair =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> vae.interpolateAll(pairs, 3, Interpolation.LINEAR));
        assertTrue(pair.getMessage().startsWith("pair 1 (to): "), pair.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.interpolateAll(pairs.subList(0, 1), 1, Interpolation.LINEAR));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new SentencePair("春眠", " "));
        assertThrows(NullPointerException.class, () -> new SentencePair(null, "春眠"));
        List<String> withNull = new ArrayList<>(List.of("春眠", "夜來"));
        withNull.set(1, null);
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> vae.reconstructAll(withNull));
        assertEquals("sentence 1 is null", e.getMessage());
        assertThrows(NullPointerException.class, () -> vae.reconstructEach(List.of("春"), null));
        assertThrows(
                NullPointerException.class,
                () -> vae.interpolateAll(List.of(new SentencePair("春", "秋")), 3, null));
    }

    @Test
    void aLanguageModelHasNothingToEncodeInto() {
        Path lmFile = TinyModel.write(directory, ModelKind.LM, TinyModel.LINES, 4, 5);
        try (SentenceVae lm = SentenceVae.load(lmFile)) {
            for (org.junit.jupiter.api.function.Executable call :
                    List.<org.junit.jupiter.api.function.Executable>of(
                            () -> lm.encodeAll(List.of("春眠")),
                            () -> lm.reconstructAll(List.of("春眠")),
                            () ->
                                    lm.interpolateAll(
                                            List.of(new SentencePair("春", "秋")),
                                            3,
                                            Interpolation.LINEAR))) {
                TextvaeException e = assertThrows(TextvaeException.class, call);
                assertEquals(TextvaeException.Kind.USAGE, e.kind());
            }
        }
    }
}
