package org.textvae.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Batches of codes decoded side by side come back whole and in order. */
class ChunkedDecodingTest {

    /** A fake decoder: each line holds its batch index and its code's first value. */
    private static List<int[]> label(int index, float[][] codes) {
        List<int[]> lines = new ArrayList<>();
        for (float[] code : codes) {
            lines.add(new int[] {index, (int) code[0]});
        }
        return lines;
    }

    private static float[][] numbered(int n) {
        float[][] codes = new float[n][];
        for (int i = 0; i < n; i++) {
            codes[i] = new float[] {i};
        }
        return codes;
    }

    @Test
    void everyCodeComesBackInOrderFromTheBatchItsPositionNames() {
        for (int workers : new int[] {1, 3}) {
            try (ChunkedDecoding chunks = new ChunkedDecoding(workers)) {
                for (int n : new int[] {1, 127, 128, 129, 1000}) {
                    List<int[]> lines = chunks.decode(numbered(n), ChunkedDecodingTest::label);
                    assertEquals(n, lines.size());
                    for (int i = 0; i < n; i++) {
                        assertArrayEquals(
                                new int[] {i / ChunkedDecoding.ROWS, i}, lines.get(i), "row " + i);
                    }
                }
            }
        }
    }

    @Test
    void batchesRunOnSeveralThreadsWhenThereAreWorkers() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (ChunkedDecoding chunks = new ChunkedDecoding(2)) {
            chunks.decode(
                    numbered(64 * ChunkedDecoding.ROWS),
                    (index, codes) -> {
                        threads.add(Thread.currentThread().getName());
                        sleepBriefly();
                        return label(index, codes);
                    });
        }
        assertEquals(2, threads.size(), threads.toString());
        assertTrue(threads.stream().allMatch(name -> name.startsWith("textvae-decode-")));
    }

    @Test
    void aSingleBatchStaysOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        try (ChunkedDecoding chunks = new ChunkedDecoding(2)) {
            chunks.decode(
                    numbered(7),
                    (index, codes) -> {
                        assertEquals(caller, Thread.currentThread().getName());
                        return label(index, codes);
                    });
        }
    }

    @Test
    void aFailingBatchFailsTheCallWithItsOwnException() {
        IllegalStateException failure = new IllegalStateException("batch 2 broke");
        try (ChunkedDecoding chunks = new ChunkedDecoding(2)) {
            IllegalStateException thrown =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    chunks.decode(
                                            numbered(5 * ChunkedDecoding.ROWS),
                                            (index, codes) -> {
                                                if (index == 2) {
                                                    throw failure;
                                                }
                                                return label(index, codes);
                                            }));
            assertSame(failure, thrown);
        }
        assertThrows(IllegalArgumentException.class, () -> new ChunkedDecoding(0));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
