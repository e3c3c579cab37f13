package org.textvae.generate;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Open or closed, for a model that many threads call: calls run under a read lock and close takes
 * the write lock, so native memory is never freed under a call in progress, and a call after close
 * is refused rather than left to crash the JVM on a freed handle.
 */
public final class ModelLifecycle {

    private final String source;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Set on a thread while it decodes a batch for a call, which may be a pool thread holding no
     * lock of its own: a progress callback there that closed the model would wait for its call.
     */
    private final ThreadLocal<Boolean> working = ThreadLocal.withInitial(() -> false);

    private boolean closed;

    /**
     * @param source where the model came from, for the message after close
     */
    public ModelLifecycle(String source) {
        this.source = source;
    }

    /** Runs {@code work} while the model is open, refusing once it is closed. */
    public <T> T whileOpen(Supplier<T> work) {
        Lock read = lock.readLock();
        read.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this SentenceVae (" + source + ") is closed");
            }
            return work.get();
        } finally {
            read.unlock();
        }
    }

    /** As {@link #whileOpen(Supplier)}, for work with no result. */
    public void whileOpen(Runnable work) {
        whileOpen(
                () -> {
                    work.run();
                    return null;
                });
    }

    /** Runs one batch of a call's work on a worker thread, marked so close() can refuse there. */
    <T> T onWorker(Supplier<T> work) {
        boolean outer = working.get();
        working.set(true);
        try {
            return work.get();
        } finally {
            working.set(outer);
        }
    }

    /**
     * Waits for calls in progress, then runs {@code free} once; closing twice is harmless. Refused
     * from inside a call, where the write lock would wait for this thread's own read lock.
     */
    public void close(Runnable free) {
        if (lock.getReadHoldCount() > 0 || working.get()) {
            throw new IllegalStateException(
                    "close() called from inside a call of this SentenceVae (a progress callback?);"
                            + " close it once the call has returned");
        }
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (!closed) {
                closed = true;
                free.run();
            }
        } finally {
            write.unlock();
        }
    }
}
