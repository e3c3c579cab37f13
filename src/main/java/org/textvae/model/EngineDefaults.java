package org.textvae.model;

/**
 * Engine properties textvae needs before DJL's PyTorch engine starts (it reads them once): work
 * offline (the pinned native library is on the class path, nothing is downloaded, no telemetry) and
 * one inter-op thread. A value the user set with {@code -D} is kept.
 */
public final class EngineDefaults {

    private EngineDefaults() {}

    /** Sets the defaults; call before the first NDManager or tokenizer is created. */
    public static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent(
                "ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
