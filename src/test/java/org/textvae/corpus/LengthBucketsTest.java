package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Length bucketing: no batch mixes lengths (so none is padded), every sentence is seen exactly once
 * per epoch, and an epoch's batches are a function of (seed, epoch), which exact resume relies on.
 */
class LengthBucketsTest {

    private static final int BATCH = 4;

    /** 57 sentences of lengths 1 to 9, in an irregular order, some buckets not a batch multiple. */
    private static List<int[]> sentences() {
        Random random = new Random(3);
        List<int[]> sentences = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            int[] sentence = new int[1 + random.nextInt(9)];
            Arrays.fill(sentence, 4 + i);
            sentences.add(sentence);
        }
        return sentences;
    }

    @Test
    void everyBatchHoldsOneLengthAndAtMostTheBatchSize() {
        List<int[]> sentences = sentences();
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int[] batch : new LengthBuckets(sentences, BATCH).epoch(11, epoch)) {
                assertTrue(batch.length >= 1 && batch.length <= BATCH, Arrays.toString(batch));
                int length = sentences.get(batch[0]).length;
                for (int index : batch) {
                    assertEquals(length, sentences.get(index).length, Arrays.toString(batch));
                }
            }
        }
    }

    @Test
    void everySentenceAppearsExactlyOncePerEpoch() {
        List<int[]> sentences = sentences();
        LengthBuckets buckets = new LengthBuckets(sentences, BATCH);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[sentences.size()];
            List<int[]> batches = buckets.epoch(11, epoch);
            for (int[] batch : batches) {
                for (int index : batch) {
                    seen[index]++;
                }
            }
            int[] once = new int[sentences.size()];
            Arrays.fill(once, 1);
            assertEquals(Arrays.toString(once), Arrays.toString(seen), "epoch " + epoch);
            assertEquals(buckets.batchesPerEpoch(), batches.size());
        }
    }

    @Test
    void batchesPerEpochCountsEachLengthsPartialBatch() {
        List<int[]> sentences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sentences.add(new int[] {4});
        }
        for (int i = 0; i < 4; i++) {
            sentences.add(new int[] {4, 5});
        }
        // Five of length 1: a full batch and one of one; four of length 2: one batch.
        assertEquals(3, new LengthBuckets(sentences, BATCH).batchesPerEpoch());
    }

    @Test
    void sameSeedAndEpochGiveTheSameBatches() {
        List<int[]> sentences = sentences();
        List<int[]> first = new LengthBuckets(sentences, BATCH).epoch(11, 2);
        List<int[]> again = new LengthBuckets(sentences, BATCH).epoch(11, 2);
        assertEquals(describe(first), describe(again));
    }

    @Test
    void anotherEpochOrSeedGivesAnotherOrder() {
        List<int[]> sentences = sentences();
        LengthBuckets buckets = new LengthBuckets(sentences, BATCH);
        String epoch0 = describe(buckets.epoch(11, 0));
        assertNotEquals(epoch0, describe(buckets.epoch(11, 1)));
        assertNotEquals(epoch0, describe(buckets.epoch(12, 0)));
    }

    private static String describe(List<int[]> batches) {
        StringBuilder text = new StringBuilder();
        batches.forEach(batch -> text.append(Arrays.toString(batch)));
        return text.toString();
    }
}
