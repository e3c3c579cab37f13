package org.textvae.cli;

import java.util.List;

/**
 * Standard output written batch by batch while later batches are still being decoded, which stops
 * the decoding once nobody reads it: {@code generate -n 100000 | head} should not decode the lines
 * that {@code head} throws away.
 */
final class StreamedOutput {

    private StreamedOutput() {}

    /** Prints the lines, then throws {@link Closed} if standard output has failed. */
    static void print(List<String> lines) {
        lines.forEach(System.out::println);
        requireOpen();
    }

    /** Throws {@link Closed} if standard output has failed (a closed pipe, a full disk). */
    static void requireOpen() {
        if (System.out.checkError()) {
            throw new Closed();
        }
    }

    /**
     * Standard output failed; the rest of the lines are not needed. Main reports the failed write
     * once the command returns.
     */
    static final class Closed extends RuntimeException {
        Closed() {
            super(null, null, false, false);
        }
    }
}
