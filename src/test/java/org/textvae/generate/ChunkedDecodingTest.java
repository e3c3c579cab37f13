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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void aCallEndedEarlyReturnsOnlyOnceNoBatchIsRunning() throws Exception {
        assertEquals(
                "decoding interrupted, batches running: 0, interrupted: true", endEarly(false));
        assertEquals("batch 0 broke, batches running: 0, interrupted: false", endEarly(true));
    }

    /**
     * Ends a call while two batches run, by interrupting the caller or by batch 0 failing, and says
     * how many batches were still running when the call returned.
     */
    private static String endEarly(boolean failing) throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger active = new AtomicInteger();
        AtomicReference<String> outcome = new AtomicReference<>();
        ChunkedDecoding.Batch batch =
                (index, codes) -> {
                    active.incrementAndGet();
                    try {
                        running.countDown();
                        if (failing && index == 0) {
                            running.await();
                            throw new IllegalStateException("batch 0 broke");
                        }
                        release.await();
                        return label(index, codes);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        active.decrementAndGet();
                    }
                };
        try (ChunkedDecoding chunks = new ChunkedDecoding(2)) {
            Thread caller =
                    new Thread(
                            () -> {
                                try {
                                    chunks.decode(numbered(3 * ChunkedDecoding.ROWS), batch);
                                    outcome.set("returned");
                                } catch (IllegalStateException e) {
                                    // The caller's model may be closed as soon as the call ends.
                                    outcome.set(
                                            e.getMessage()
                                                    + ", batches running: "
                                                    + active.get()
                                                    + ", interrupted: "
                                                    + Thread.currentThread().isInterrupted());
                                }
                            });
            caller.start();
            running.await();
            if (!failing) {
                caller.interrupt();
            }
            Thread.sleep(100);
            release.countDown();
            caller.join();
        }
        return outcome.get();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
