package org.textvae.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.textvae.model.EngineDefaults;

/**
 * Decodes many latent codes as independent batches of at most {@link #ROWS} rows, several at once
 * on worker threads: one per core that the engine's own intra-op threads leave free.
 *
 * <p>Why batches side by side: a generation step at these sizes is a dozen small native calls, and
 * PyTorch splits only the vocabulary product among its threads. On 2 cores, two batches at a time
 * with one engine thread each decoded about 5,300 lines/s; one batch at a time on two engine
 * threads, about 4,300 (docs/performance.md). Bounded batches also bound memory: the logits of one
 * step are rows × vocabulary floats, so 100,000 lines in one batch would need gigabytes.
 *
 * <p>Which batch a line lands in depends only on its position, never on the number of workers, so
 * results are the same however many threads decode them.
 */
public final class ChunkedDecoding implements AutoCloseable {

    /** Rows per batch: the Tang benchmark shape. 64 to 512 decoded at the same speed here. */
    public static final int ROWS = 128;

    /** Decodes one batch; {@code index} numbers the batches from 0, in order. */
    @FunctionalInterface
    interface Batch {
        List<int[]> decode(int index, float[][] codes);
    }

    private final int workers;
    private ExecutorService pool;

    ChunkedDecoding(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive, got " + workers);
        }
        this.workers = workers;
    }

    /** One worker per core the engine's intra-op threads leave free (call after it started). */
    static ChunkedDecoding forThisMachine() {
        return new ChunkedDecoding(
                Math.max(1, EngineDefaults.cores() / EngineDefaults.engineThreads()));
    }

    int workers() {
        return workers;
    }

    /** How many batches {@code rows} codes make. */
    static int batches(int rows) {
        return (rows + ROWS - 1) / ROWS;
    }

    /** Token ids per code, in the order of {@code codes}. */
    List<int[]> decode(float[][] codes, Batch batch) {
        List<int[]> lines = new ArrayList<>(codes.length);
        decodeInOrder(codes, batch, lines::addAll);
        return lines;
    }

    /**
     * Hands each batch's token ids to {@code sink} on the caller's thread, in the order of {@code
     * codes}, as soon as it and the batches before it are done. A sink that throws ends the call:
     * batches not started are dropped, running ones are waited for, and the exception goes on.
     */
    void decodeInOrder(float[][] codes, Batch batch, Consumer<List<int[]>> sink) {
        int count = batches(codes.length);
        if (count == 1 || workers == 1) {
            // On the caller's thread: no hand-over for a single line or an interpolation path.
            for (int i = 0; i < count; i++) {
                sink.accept(batch.decode(i, slice(codes, i)));
            }
            return;
        }
        // Every batch counts down when it ends, or skips its work once the call has failed: a
        // cancelled Future says nothing of a batch still running, and a call that returned under
        // one let close() free the weights it was reading (the JVM crashed).
        CountDownLatch ended = new CountDownLatch(count);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<List<int[]>>> parts = new ArrayList<>(count);
        ExecutorService executor = pool();
        for (int i = 0; i < count; i++) {
            int index = i;
            parts.add(
                    executor.submit(
                            () -> {
                                try {
                                    return failed.get()
                                            ? List.<int[]>of()
                                            : batch.decode(index, slice(codes, index));
                                } finally {
                                    ended.countDown();
                                }
                            }));
        }
        try {
            for (Future<List<int[]>> part : parts) {
                sink.accept(part.get());
            }
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("decoding interrupted", e);
        } finally {
            // After a failure (only the first is reported), batches not started are dropped, and
            // running ones are waited for, even by an interrupted caller.
            failed.set(true);
            awaitUninterruptibly(ended);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static float[][] slice(float[][] codes, int index) {
        int from = index * ROWS;
        return Arrays.copyOfRange(codes, from, Math.min(codes.length, from + ROWS));
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger number = new AtomicInteger();
            pool =
                    Executors.newFixedThreadPool(
                            workers,
                            task -> {
                                Thread thread =
                                        new Thread(
                                                task, "textvae-decode-" + number.incrementAndGet());
                                // A service that forgets close() must still be able to exit.
                                thread.setDaemon(true);
                                return thread;
                            });
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
