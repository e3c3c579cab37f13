package org.textvae.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How close generated lines stay to the training lines: for each line, the share of its characters
 * in place in the training line of the same length that shares most of them. Novelty only asks
 * whether a line is a training line; a sampler that changes one character of a training line is
 * novel and still a copy. The same figure for real held-out lines says how close a new line
 * naturally comes.
 */
public final class ClosestTrainingLine {

    /** Per length, per position: which training lines hold each character there. */
    private final Map<Integer, Map<Long, int[]>> postings = new HashMap<>();

    private final Map<Integer, Integer> linesOfLength = new HashMap<>();

    public ClosestTrainingLine(Collection<String> training) {
        Map<Integer, Map<Long, List<Integer>>> lists = new HashMap<>();
        for (String line : training) {
            int[] chars = line.codePoints().toArray();
            int id = linesOfLength.merge(chars.length, 1, Integer::sum) - 1;
            Map<Long, List<Integer>> byKey =
                    lists.computeIfAbsent(chars.length, k -> new HashMap<>());
            for (int p = 0; p < chars.length; p++) {
                byKey.computeIfAbsent(key(p, chars[p]), k -> new ArrayList<>()).add(id);
            }
        }
        lists.forEach(
                (length, byKey) -> {
                    Map<Long, int[]> arrays = new HashMap<>();
                    byKey.forEach(
                            (k, ids) -> arrays.put(k, ids.stream().mapToInt(i -> i).toArray()));
                    postings.put(length, arrays);
                });
    }

    private static long key(int position, int codePoint) {
        return ((long) position << 32) | codePoint;
    }

    /** Characters in place shared with the closest training line of the same length, 0 to 1. */
    public double closeness(String line) {
        int[] chars = line.codePoints().toArray();
        Map<Long, int[]> byKey = postings.get(chars.length);
        if (chars.length == 0 || byKey == null) {
            return 0;
        }
        int[] shared = new int[linesOfLength.get(chars.length)];
        int best = 0;
        for (int p = 0; p < chars.length; p++) {
            int[] ids = byKey.get(key(p, chars[p]));
            if (ids != null) {
                for (int id : ids) {
                    best = Math.max(best, ++shared[id]);
                }
            }
        }
        return (double) best / chars.length;
    }

    /** The mean closeness of {@code lines}. */
    public double meanCloseness(List<String> lines) {
        if (lines.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (String line : lines) {
            sum += closeness(line);
        }
        return sum / lines.size();
    }
}
