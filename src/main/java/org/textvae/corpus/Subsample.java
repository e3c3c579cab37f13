package org.textvae.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded subset of sentences, drawn without replacement and kept in their own order. */
public final class Subsample {

    private Subsample() {}

    /** At most {@code limit} of the sentences; all of them when there are no more. */
    public static List<String> of(List<String> sentences, int limit, long seed) {
        if (sentences.size() <= limit) {
            return sentences;
        }
        int[] order = new int[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // A partial Fisher-Yates shuffle: the first `limit` places hold a uniform draw.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] picked = Arrays.copyOf(order, limit);
        Arrays.sort(picked);
        List<String> out = new ArrayList<>(limit);
        for (int i : picked) {
            out.add(sentences.get(i));
        }
        return out;
    }
}
