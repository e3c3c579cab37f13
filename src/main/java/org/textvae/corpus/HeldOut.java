package org.textvae.corpus;

import java.util.Objects;

/**
 * How a collection becomes a held-out test set for models trained on another: every line goes to
 * {@code test}, the lines the other collection holds (in any of its splits) are dropped, and the
 * rest is thinned to the lines whose CRC32 ({@link DeterministicSplit#bucket}) is 0 mod {@code
 * oneIn}. The thinning depends on nothing but the line, so the sample is spread over the whole
 * collection and a line is in it or not whatever else the package holds.
 *
 * @param unseenBy the collection whose lines are left out
 * @param oneIn keep about one line in this many
 */
public record HeldOut(PoetryCollection unseenBy, int oneIn) {

    /** Checks the fields. */
    public HeldOut {
        Objects.requireNonNull(unseenBy, "unseenBy");
        if (oneIn < 1) {
            throw new IllegalArgumentException("oneIn must be >= 1: " + oneIn);
        }
    }

    /** Whether a line falls in the sample, before the lines of {@code unseenBy} are dropped. */
    boolean samples(String line) {
        return DeterministicSplit.bucket(line, oneIn) == 0;
    }
}
