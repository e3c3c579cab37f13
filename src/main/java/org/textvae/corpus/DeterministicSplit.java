package org.textvae.corpus;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Assigns a sentence to a split as a pure function of its text, so the split never depends on file
 * order, on the random seed or on which other sentences exist: CRC32 of the UTF-8 bytes, mod 100; 0
 * goes to test, 1 to valid, everything else to train (about 1% each).
 */
public final class DeterministicSplit {

    private DeterministicSplit() {}

    /** Returns the split of one sentence. */
    public static Split of(String text) {
        long bucket = bucket(text, 100);
        if (bucket == 0) {
            return Split.TEST;
        }
        return bucket == 1 ? Split.VALID : Split.TRAIN;
    }

    /**
     * Returns CRC32 of the text's UTF-8 bytes, mod {@code buckets}: a pure function of the text,
     * spread evenly enough to pick about one line in {@code buckets}.
     */
    static long bucket(String text, int buckets) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % buckets;
    }
}
