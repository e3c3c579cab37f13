package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The batch layout the network and the loss rely on: encoder ids, {@code <bos>}-shifted decoder
 * inputs, {@code <eos>}-terminated targets, a mask and lengths only when something is padded, and
 * word dropout that touches only decoder input words and repeats with its seed.
 */
class TokenBatchTest {

    private static final int PAD = 0;
    private static final int UNK = 1;
    private static final int BOS = 2;
    private static final int EOS = 3;
    private static final TokenBatch.Specials SPECIALS = new TokenBatch.Specials(PAD, UNK, BOS, EOS);

    /** A generator that must not be asked for anything. */
    private static final RandomGenerator UNTOUCHABLE =
            () -> {
                throw new AssertionError("word dropout 0 must not draw random numbers");
            };

    @Test
    void paddedBatchHasShiftedInputsEosTargetsMaskAndLengths() {
        List<int[]> sentences = List.of(new int[] {5, 6, 7}, new int[] {8, 9});
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenBatch batch = TokenBatch.of(manager, sentences, SPECIALS, 0, UNTOUCHABLE);
            assertEquals(new Shape(2, 3), batch.encoderIds().getShape());
            assertArrayEquals(new long[] {5, 6, 7, 8, 9, PAD}, batch.encoderIds().toLongArray());
            assertEquals(new Shape(2, 4), batch.decoderInputs().getShape());
            assertArrayEquals(
                    new long[] {BOS, 5, 6, 7, BOS, 8, 9, PAD}, batch.decoderInputs().toLongArray());
            assertEquals(new Shape(2, 4), batch.targets().getShape());
            assertArrayEquals(
                    new long[] {5, 6, 7, EOS, 8, 9, EOS, PAD}, batch.targets().toLongArray());
            assertNotNull(batch.mask());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 0}, batch.mask().toFloatArray());
            assertNotNull(batch.lengths());
            assertArrayEquals(new long[] {3, 2}, batch.lengths().toLongArray());
            assertEquals(2, batch.size());
            // Real targets: 3 + 1 and 2 + 1, each <eos> counted, the padding not.
            assertEquals(7, batch.tokenCount());
        }
    }

    @Test
    void equalLengthBatchCarriesNoMaskAndNoLengths() {
        List<int[]> sentences = List.of(new int[] {5, 6}, new int[] {7, 8});
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenBatch batch = TokenBatch.of(manager, sentences, SPECIALS, 0, UNTOUCHABLE);
            assertNull(batch.mask());
            assertNull(batch.lengths());
            assertArrayEquals(
                    new long[] {BOS, 5, 6, BOS, 7, 8}, batch.decoderInputs().toLongArray());
            assertArrayEquals(new long[] {5, 6, EOS, 7, 8, EOS}, batch.targets().toLongArray());
            assertEquals(6, batch.tokenCount());
        }
    }

    @Test
    void emptySentenceIsRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<int[]> sentences = List.of(new int[] {5}, new int[0]);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> TokenBatch.of(manager, sentences, SPECIALS, 0, UNTOUCHABLE));
        }
    }

    @Test
    void nearCertainWordDropoutTurnsEveryWordButBosIntoUnk() {
        List<int[]> sentences = List.of(new int[] {5, 6, 7}, new int[] {8, 9});
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenBatch batch =
                    TokenBatch.of(manager, sentences, SPECIALS, 0.999_999, new SplittableRandom(1));
            assertArrayEquals(
                    new long[] {BOS, UNK, UNK, UNK, BOS, UNK, UNK, PAD},
                    batch.decoderInputs().toLongArray());
            // Dropout is for the decoder's inputs only: what is encoded and predicted stays.
            assertArrayEquals(new long[] {5, 6, 7, 8, 9, PAD}, batch.encoderIds().toLongArray());
            assertArrayEquals(
                    new long[] {5, 6, 7, EOS, 8, 9, EOS, PAD}, batch.targets().toLongArray());
        }
    }

    @Test
    void sameSeedDropsTheSameWordsAndAnotherSeedOthers() {
        List<int[]> sentences = longSentences();
        long[] first = dropped(sentences, 7);
        assertArrayEquals(first, dropped(sentences, 7));
        assertNotEquals(Arrays.toString(first), Arrays.toString(dropped(sentences, 8)));
        long unknowns = Arrays.stream(first).filter(id -> id == UNK).count();
        // Rate 0.5 over 200 words: anything far from 100 means the rate is not applied.
        assertTrue(unknowns > 60 && unknowns < 140, unknowns + " of 200 dropped");
    }

    private static long[] dropped(List<int[]> sentences, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return TokenBatch.of(manager, sentences, SPECIALS, 0.5, new SplittableRandom(seed))
                    .decoderInputs()
                    .toLongArray();
        }
    }

    private static List<int[]> longSentences() {
        List<int[]> sentences = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            int[] sentence = new int[50];
            Arrays.fill(sentence, 4 + b);
            sentences.add(sentence);
        }
        return sentences;
    }
}
