package org.textvae.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Diversity and novelty of generated text. Distinct-n (Li et al. 2016, "A Diversity-Promoting
 * Objective Function for Neural Conversation Models") is the number of distinct n-grams over all
 * samples divided by the number of n-grams; novelty is the share of samples that are not training
 * sentences.
 */
public final class SampleDiversity {

    private SampleDiversity() {}

    /** Distinct n-grams / n-grams over all samples (NaN when no sample has n tokens). */
    public static double distinct(List<int[]> samples, int n) {
        Set<List<Integer>> seen = new HashSet<>();
        long total = 0;
        for (int[] sample : samples) {
            for (int start = 0; start + n <= sample.length; start++) {
                seen.add(gram(sample, start, n));
                total++;
            }
        }
        return total == 0 ? Double.NaN : seen.size() / (double) total;
    }

    /** Share of samples that do not occur in {@code training} (NaN for no samples). */
    public static double novelty(List<String> samples, Collection<String> training) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        Set<String> known = training instanceof Set<String> set ? set : new HashSet<>(training);
        return samples.stream().filter(sample -> !known.contains(sample)).count()
                / (double) samples.size();
    }

    /** The n tokens from {@code start}, as a value usable as a map key. */
    static List<Integer> gram(int[] tokens, int start, int n) {
        List<Integer> gram = new ArrayList<>(n);
        for (int i = start; i < start + n; i++) {
            gram.add(tokens[i]);
        }
        return gram;
    }
}
