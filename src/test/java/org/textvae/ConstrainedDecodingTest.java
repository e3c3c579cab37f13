package org.textvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.ChunkedDecoding;
import org.textvae.generate.PositionMasks;
import org.textvae.generate.TinyModel;
import org.textvae.vocab.Vocabulary;

/**
 * Greedy decoding restricted position by position: masks that allow everything change nothing, each
 * line follows its own masks across batches, and masks that no decoding could follow are refused.
 */
class ConstrainedDecodingTest {

    @TempDir static Path directory;
    private static SentenceVae vae;
    private static Vocabulary vocabulary;

    /** More than two batches of {@link ChunkedDecoding#ROWS}, the last one partial. */
    private static final int CODES = 2 * ChunkedDecoding.ROWS + 44;

    @BeforeAll
    static void load() {
        vae = SentenceVae.load(TinyModel.write(directory, 8, 3), 2);
        vocabulary = vae.vocabulary();
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    private static BitSet of(String... tokens) {
        BitSet set = new BitSet();
        for (String token : tokens) {
            set.set(vocabulary.id(token));
        }
        return set;
    }

    private static BitSet everything() {
        BitSet set = new BitSet();
        set.set(0, vocabulary.size());
        return set;
    }

    private static int[][] same(int lines, int... positions) {
        int[][] choice = new int[lines][];
        for (int i = 0; i < lines; i++) {
            choice[i] = positions.clone();
        }
        return choice;
    }

    @Test
    void masksThatAllowEverythingDecodeAsPlainGreedy() {
        float[][] codes = vae.priorSamples(CODES, 11);
        PositionMasks open =
                new PositionMasks(List.of(everything()), same(CODES, 0, 0, 0, 0, 0, 0));
        assertEquals(vae.decodeAll(codes, 6, 0, new int[0]), vae.decodeAll(codes, open));
    }

    @Test
    void eachLineFollowsItsOwnMasksInEveryBatch() {
        float[][] codes = vae.priorSamples(CODES, 12);
        // Even lines spell 白日 then must end; odd lines take 春 or 花 at three positions, then end.
        List<BitSet> sets = List.of(of("白"), of("日"), of("春", "花"), of(Vocabulary.EOS));
        int[][] choice = new int[CODES][];
        for (int i = 0; i < CODES; i++) {
            choice[i] = i % 2 == 0 ? new int[] {0, 1, 3, 3} : new int[] {2, 2, 2, 3};
        }
        List<String> lines = vae.decodeAll(codes, new PositionMasks(sets, choice));
        assertEquals(CODES, lines.size());
        boolean sawBoth = false;
        for (int i = 0; i < CODES; i++) {
            String line = lines.get(i);
            if (i % 2 == 0) {
                assertEquals("白日", line, "line " + i);
            } else {
                assertTrue(line.matches("[春花]{3}"), "line " + i + ": " + line);
                sawBoth |= line.contains("春") && line.contains("花");
            }
        }
        assertTrue(sawBoth, "the model, not the mask, chooses within a set");
    }

    @Test
    void theModelStillChoosesWhereTheLineEndsWhenTheMaskAllowsIt() {
        float[][] codes = vae.priorSamples(CODES, 13);
        BitSet charactersOrEnd = everything();
        PositionMasks masks = new PositionMasks(List.of(charactersOrEnd), same(CODES, 0, 0, 0));
        for (String line : vae.decodeAll(codes, masks)) {
            assertTrue(line.codePointCount(0, line.length()) <= 3, line);
        }
    }

    @Test
    void masksNoDecodingCanFollowAreRefused() {
        float[][] codes = vae.priorSamples(3, 14);
        PositionMasks twoLines = new PositionMasks(List.of(everything()), same(2, 0));
        assertThrows(IllegalArgumentException.class, () -> vae.decodeAll(codes, twoLines));
        BitSet past = new BitSet();
        past.set(vocabulary.size());
        PositionMasks pastVocabulary = new PositionMasks(List.of(past), same(3, 0));
        assertThrows(IllegalArgumentException.class, () -> vae.decodeAll(codes, pastVocabulary));
        PositionMasks unknownOnly =
                new PositionMasks(List.of(of(Vocabulary.UNK, Vocabulary.PAD)), same(3, 0));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> vae.decodeAll(codes, unknownOnly));
        assertTrue(e.getMessage().contains("<unk>"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new PositionMasks(List.of(new BitSet()), same(3, 0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PositionMasks(List.of(everything()), same(3, 1)));
    }
}
