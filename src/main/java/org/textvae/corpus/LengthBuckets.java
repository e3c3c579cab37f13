package org.textvae.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.textvae.Seeds;

/**
 * Groups sentences by exact length so that no batch holds padding: no step pays for padded
 * positions, and the encoder's final states are the real ones by construction.
 *
 * <p>The order of an epoch is a pure function of (seed, epoch): sentences are shuffled within each
 * length, cut into batches, and the batches shuffled. A resumed run therefore sees the same batches
 * as an uninterrupted one.
 */
public final class LengthBuckets {

    private final List<List<Integer>> buckets = new ArrayList<>();
    private final int batchSize;

    /** Buckets the sentences (by index) of the given lengths. */
    public LengthBuckets(List<int[]> sentences, int batchSize) {
        this.batchSize = batchSize;
        TreeMap<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            byLength.computeIfAbsent(sentences.get(i).length, k -> new ArrayList<>()).add(i);
        }
        buckets.addAll(byLength.values());
    }

    /** Batches of sentence indices for one epoch. */
    public List<int[]> epoch(long seed, int epoch) {
        Random random = new Random(Seeds.ofEpoch(seed, epoch));
        List<int[]> batches = new ArrayList<>();
        for (List<Integer> bucket : buckets) {
            List<Integer> order = new ArrayList<>(bucket);
            Collections.shuffle(order, random);
            for (int start = 0; start < order.size(); start += batchSize) {
                List<Integer> slice =
                        order.subList(start, Math.min(order.size(), start + batchSize));
                batches.add(slice.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** Batches per epoch (the same every epoch). */
    public int batchesPerEpoch() {
        int count = 0;
        for (List<Integer> bucket : buckets) {
            count += (bucket.size() + batchSize - 1) / batchSize;
        }
        return count;
    }
}
