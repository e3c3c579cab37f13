package org.textvae.generate;

/** The bounds every decoding call keeps, and the checks that name them in their refusals. */
public final class DecodingLimits {

    /** Longest line decoded when no length is forced. */
    public static final int DEFAULT_MAX_LENGTH = 40;

    /**
     * Longest line that can be asked for, in tokens. Each decoding step keeps its arrays until the
     * call ends, so an unbounded length grew until the system killed the process.
     */
    public static final int MAX_LINE_TOKENS = 512;

    /**
     * Most codes drawn, lines sampled or points on a path in one call, as {@code generate -n}
     * allows: all are held at once, and a count of 2^31 failed with an OutOfMemoryError.
     */
    public static final int MAX_COUNT = 1_000_000;

    /** The most beams a reconstruction or a path is decoded with. */
    public static final int MAX_BEAM = 16;

    private DecodingLimits() {}

    public static void requireAtMost(String what, int value, int limit) {
        if (value > limit) {
            throw new IllegalArgumentException(
                    what + " must be at most " + limit + ", got " + value);
        }
    }

    public static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    /** A count of codes or lines: 1 to {@link #MAX_COUNT}. */
    public static void requireCount(int n) {
        requirePositive("count", n);
        requireAtMost("count", n, MAX_COUNT);
    }
}
