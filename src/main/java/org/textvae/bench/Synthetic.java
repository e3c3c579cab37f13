package org.textvae.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random sentences of one length: what the speed of a step depends on, without a corpus. */
final class Synthetic {

    private Synthetic() {}

    /** {@code count} sentences of {@code length} ids drawn from the non-special tokens. */
    static List<int[]> sentences(SplittableRandom random, int count, int length, int vocabulary) {
        List<int[]> sentences = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int[] ids = new int[length];
            for (int t = 0; t < length; t++) {
                ids[t] = 4 + random.nextInt(vocabulary - 4);
            }
            sentences.add(ids);
        }
        return sentences;
    }
}
