package org.textvae.poetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Whether two lines read as consecutive lines of one poem, judged by a model that knows nothing of
 * the generator: pointwise mutual information of the characters of one line with those of the next,
 * counted over consecutive lines of training poems, and a threshold on a pair's mean PMI chosen on
 * other poems (consecutive pairs against pairs of lines from two random poems). A generator cannot
 * game it: it never sees it.
 */
public final class LineCoherence {

    /** Added to every count of lines holding a character, so an unseen one has a frequency. */
    private static final double SMOOTHING = 0.5;

    private final Map<Long, Integer> pairs = new HashMap<>();
    private final Map<Integer, Integer> firsts = new HashMap<>();
    private final Map<Integer, Integer> seconds = new HashMap<>();
    private long total;
    private double threshold;

    /**
     * Counts {@code training}'s consecutive lines, then sets the threshold that best tells {@code
     * tuning}'s consecutive pairs from as many pairs of lines of two random poems.
     */
    public LineCoherence(List<Poem> training, List<Poem> tuning, long seed) {
        for (Poem poem : training) {
            for (int i = 0; i + 1 < poem.lines().size(); i++) {
                count(poem.lines().get(i), poem.lines().get(i + 1));
            }
        }
        List<Double> positive = new ArrayList<>();
        for (Poem poem : tuning) {
            for (int i = 0; i + 1 < poem.lines().size(); i++) {
                positive.add(score(poem.lines().get(i), poem.lines().get(i + 1)));
            }
        }
        List<Double> negative = new ArrayList<>();
        for (String[] pair : randomPairs(tuning, positive.size(), seed)) {
            negative.add(score(pair[0], pair[1]));
        }
        threshold = bestThreshold(positive, negative);
    }

    private void count(String a, String b) {
        int[] x = a.codePoints().distinct().toArray();
        int[] y = b.codePoints().distinct().toArray();
        for (int cx : x) {
            firsts.merge(cx, 1, Integer::sum);
            for (int cy : y) {
                pairs.merge(key(cx, cy), 1, Integer::sum);
            }
        }
        for (int cy : y) {
            seconds.merge(cy, 1, Integer::sum);
        }
        total++;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /**
     * The mean PMI, in nats, of the characters of {@code a} with those of the line after it, each
     * pair's count shrunk toward its count under independence.
     */
    public double score(String a, String b) {
        int[] x = a.codePoints().distinct().toArray();
        int[] y = b.codePoints().distinct().toArray();
        double sum = 0;
        int n = 0;
        for (int cx : x) {
            double px = (firsts.getOrDefault(cx, 0) + SMOOTHING) / (total + SMOOTHING);
            for (int cy : y) {
                double py = (seconds.getOrDefault(cy, 0) + SMOOTHING) / (total + SMOOTHING);
                // Shrunk toward independence by one expected count: a pair never seen, which is
                // the rule when its expected count is below one, reads log ½, not −∞.
                double expected = total * px * py;
                sum += Math.log((pairs.getOrDefault(key(cx, cy), 0) + expected) / (2 * expected));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Whether the pair reads as two consecutive lines of one poem. */
    public boolean consecutive(String a, String b) {
        return score(a, b) >= threshold;
    }

    /** The share of a set of poems' consecutive line pairs judged consecutive. */
    public double consecutiveShare(List<Poem> poems) {
        int judged = 0;
        int all = 0;
        for (Poem poem : poems) {
            for (int i = 0; i + 1 < poem.lines().size(); i++) {
                all++;
                judged += consecutive(poem.lines().get(i), poem.lines().get(i + 1)) ? 1 : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) judged / all;
    }

    /**
     * Poems of the same shapes as {@code poems} whose every line comes from a random other poem:
     * what a poem of unrelated lines scores.
     */
    public static List<Poem> shuffled(List<Poem> poems, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Poem> out = new ArrayList<>();
        for (int p = 0; p < poems.size(); p++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < poems.get(p).lines().size(); i++) {
                int other = poems.size() == 1 ? p : random.nextInt(poems.size() - 1);
                other = other >= p && poems.size() > 1 ? other + 1 : other;
                List<String> from = poems.get(other).lines();
                lines.add(from.get(random.nextInt(from.size())));
            }
            out.add(Poem.of(lines.toArray(String[]::new)));
        }
        return out;
    }

    private static List<String[]> randomPairs(List<Poem> poems, int count, long seed) {
        List<Poem> shuffled = shuffled(poems, seed);
        List<String[]> out = new ArrayList<>();
        for (Poem poem : shuffled) {
            for (int i = 0; i + 1 < poem.lines().size() && out.size() < count; i++) {
                out.add(new String[] {poem.lines().get(i), poem.lines().get(i + 1)});
            }
        }
        return out;
    }

    private static double bestThreshold(List<Double> positive, List<Double> negative) {
        List<Double> candidates = new ArrayList<>(positive);
        candidates.addAll(negative);
        double best = 0;
        long bestCorrect = -1;
        for (double t : candidates) {
            long correct =
                    positive.stream().filter(s -> s >= t).count()
                            + negative.stream().filter(s -> s < t).count();
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = t;
            }
        }
        return best;
    }

    /** The score at and above which a pair is judged consecutive. */
    public double threshold() {
        return threshold;
    }
}
