package org.textvae.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Self-BLEU (Zhu et al. 2018, "Texygen"): the BLEU-4 of each sample against all the other samples
 * as references, averaged; high values mean the samples repeat one another. BLEU is that of
 * Papineni et al. (2002): clipped n-gram precisions for n = 1..4 with uniform weights, their
 * geometric mean times the brevity penalty exp(1 − r/c) when the hypothesis (length c) is shorter
 * than the closest reference length r (ties go to the shorter reference). Short lines share few
 * 4-grams, so unsmoothed BLEU would be 0 for nearly every poem line; as Texygen does (through
 * NLTK's smoothing method 1 of Chen and Cherry 2014), an n-gram order with no match counts {@value
 * #EPSILON} matches instead (over at least one n-gram), and a hypothesis with no matching unigram
 * scores 0.
 */
public final class SelfBleu {

    private static final int ORDER = 4;
    private static final double EPSILON = 0.1;

    private SelfBleu() {}

    /** BLEU-4 of one hypothesis against references, directly from the definition. */
    public static double bleu(int[] hypothesis, List<int[]> references) {
        long[] matches = new long[ORDER];
        for (int n = 1; n <= ORDER; n++) {
            Map<List<Integer>, Integer> counts = counts(hypothesis, n);
            Map<List<Integer>, Integer> maxReference = new HashMap<>();
            for (int[] reference : references) {
                counts(reference, n)
                        .forEach((gram, count) -> maxReference.merge(gram, count, Math::max));
            }
            for (Map.Entry<List<Integer>, Integer> entry : counts.entrySet()) {
                matches[n - 1] +=
                        Math.min(entry.getValue(), maxReference.getOrDefault(entry.getKey(), 0));
            }
        }
        int[] lengths = new int[references.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = references.get(i).length;
        }
        return score(matches, hypothesis.length, closest(hypothesis.length, lengths, -1));
    }

    /**
     * Self-BLEU over {@code samples}: at most {@code maxHypotheses} of them (a seeded subsample)
     * are scored, each against all the others. Each n-gram's largest and second-largest counts over
     * the samples are kept, so "the most any other sample has" costs one lookup.
     */
    public static double selfBleu(List<int[]> samples, int maxHypotheses, long seed) {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        List<Map<List<Integer>, TopCounts>> tops = new ArrayList<>();
        for (int n = 1; n <= ORDER; n++) {
            Map<List<Integer>, TopCounts> top = new HashMap<>();
            for (int[] sample : samples) {
                counts(sample, n)
                        .forEach(
                                (gram, count) ->
                                        top.computeIfAbsent(gram, g -> new TopCounts()).add(count));
            }
            tops.add(top);
        }
        int[] lengths = samples.stream().mapToInt(sample -> sample.length).toArray();
        List<Integer> chosen =
                MutualInformation.subsample(
                        samples.size(), maxHypotheses, new SplittableRandom(seed));
        double sum = 0;
        for (int index : chosen) {
            sum += bleuAgainstOthers(samples.get(index), index, tops, lengths);
        }
        return sum / chosen.size();
    }

    private static double bleuAgainstOthers(
            int[] hypothesis, int self, List<Map<List<Integer>, TopCounts>> tops, int[] lengths) {
        long[] matches = new long[ORDER];
        for (int n = 1; n <= ORDER; n++) {
            Map<List<Integer>, TopCounts> top = tops.get(n - 1);
            for (Map.Entry<List<Integer>, Integer> entry : counts(hypothesis, n).entrySet()) {
                int own = entry.getValue();
                matches[n - 1] += Math.min(own, top.get(entry.getKey()).maxExcluding(own));
            }
        }
        return score(matches, hypothesis.length, closest(hypothesis.length, lengths, self));
    }

    /** BLEU from the clipped matches of each order, smoothed as the class comment says. */
    static double score(long[] matches, int hypothesisLength, int referenceLength) {
        if (matches[0] == 0) {
            return 0;
        }
        double logPrecisions = 0;
        for (int n = 1; n <= ORDER; n++) {
            double total = Math.max(1, hypothesisLength - n + 1);
            double matched = matches[n - 1] == 0 ? EPSILON : matches[n - 1];
            logPrecisions += Math.log(matched / total) / ORDER;
        }
        return brevityPenalty(hypothesisLength, referenceLength) * Math.exp(logPrecisions);
    }

    /** The two largest counts of an n-gram over all samples, and how many samples hold the top. */
    private static final class TopCounts {
        private int first;
        private int firstHolders;
        private int second;

        void add(int count) {
            if (count > first) {
                second = first;
                first = count;
                firstHolders = 1;
            } else if (count == first) {
                firstHolders++;
            } else {
                second = Math.max(second, count);
            }
        }

        /** The largest count among the samples other than one holding {@code own}. */
        int maxExcluding(int own) {
            return own == first && firstHolders == 1 ? second : first;
        }
    }

    /**
     * The reference length closest to {@code length}, shorter on ties, skipping index {@code self}.
     */
    private static int closest(int length, int[] lengths, int self) {
        int best = -1;
        for (int i = 0; i < lengths.length; i++) {
            if (i == self) {
                continue;
            }
            int distance = Math.abs(lengths[i] - length);
            int bestDistance = best < 0 ? Integer.MAX_VALUE : Math.abs(best - length);
            if (distance < bestDistance || distance == bestDistance && lengths[i] < best) {
                best = lengths[i];
            }
        }
        return best;
    }

    private static double brevityPenalty(int hypothesis, int reference) {
        return hypothesis > reference ? 1 : Math.exp(1 - reference / (double) hypothesis);
    }

    private static Map<List<Integer>, Integer> counts(int[] tokens, int n) {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int start = 0; start + n <= tokens.length; start++) {
            counts.merge(SampleDiversity.gram(tokens, start, n), 1, Integer::sum);
        }
        return counts;
    }
}
