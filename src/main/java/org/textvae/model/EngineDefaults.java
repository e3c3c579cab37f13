package org.textvae.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Engine properties textvae needs before DJL's PyTorch engine starts (it reads them once): work
 * offline (the pinned native library is on the class path, nothing is downloaded, no telemetry) and
 * one inter-op thread. A value the user set with {@code -D} or {@code --threads} is kept.
 */
public final class EngineDefaults {

    private static final String THREADS = "ai.djl.pytorch.num_threads";

    /** Whether the intra-op thread count is textvae's default rather than the user's choice. */
    private static boolean threadsDefaulted;

    private EngineDefaults() {}

    /** Sets the defaults; call before the first NDManager or tokenizer is created. */
    public static synchronized void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, Integer.toString(cores()));
            threadsDefaulted = true;
        }
    }

    /** The user's choice of intra-op threads; it wins over every default. */
    public static synchronized void chooseThreads(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        System.setProperty(THREADS, Integer.toString(threads));
        threadsDefaulted = false;
    }

    /**
     * For a process that mostly decodes batches of lines: one intra-op thread, unless the user
     * chose a number. Decoding then runs one batch per core side by side, which beats one batch on
     * all cores because most of a generation step's native calls are too small for PyTorch to split
     * (docs/performance.md, "What was tried"). Call before the engine starts; afterwards it changes
     * nothing.
     */
    public static synchronized void preferBatchParallelism() {
        apply();
        if (threadsDefaulted) {
            System.setProperty(THREADS, "1");
        }
    }

    /** Whether the user chose the intra-op thread count (child processes should inherit it). */
    public static synchronized boolean threadsChosen() {
        return System.getProperty(THREADS) != null && !threadsDefaulted;
    }

    /** The intra-op threads the running engine uses (call after it started). */
    public static int engineThreads() {
        return Math.max(1, JniUtils.getNumThreads());
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
