package org.textvae.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;
import org.textvae.poetry.FreePoemWriter;

/**
 * What a user sees of a model's latent space, measured over many samples: poem lines of valid form,
 * novelty and diversity of prior samples, and how much an interpolation path changes.
 */
public final class SampleQuality {

    /**
     * The figures.
     *
     * @param poemLines poem lines written (half 5-, half 7-character)
     * @param validFormRate share with exactly the form's length and no {@code <unk>}
     * @param samples lines decoded from z ~ N(0, I) without length forcing
     * @param noveltyRate share of samples that are not training lines
     * @param distinctPer100 mean share of distinct lines in batches of 100
     * @param minDistinctPer100 the smallest such share
     * @param pairs interpolation pairs of held-out lines
     * @param meanDistinctInterior mean distinct lines among the 5 interior points of 7 steps
     * @param pairsWithThreeDistinct share of pairs with at least 3 distinct interior lines
     * @param endpointsMatchRate share of paths whose ends equal the two reconstructions
     */
    public record Report(
            int poemLines,
            double validFormRate,
            int samples,
            double noveltyRate,
            double distinctPer100,
            double minDistinctPer100,
            int pairs,
            double meanDistinctInterior,
            double pairsWithThreeDistinct,
            double endpointsMatchRate) {}

    private static final int STEPS = 7;
    private static final int BATCH = 100;

    private SampleQuality() {}

    /**
     * Measures a model.
     *
     * @param training the training lines (for novelty)
     * @param heldOut lines the model never saw (for interpolation)
     */
    public static Report measure(
            SentenceVae vae,
            Set<String> training,
            List<String> heldOut,
            int samples,
            int pairs,
            long seed) {
        FreePoemWriter poems = new FreePoemWriter(vae);
        int valid = 0;
        int written = 0;
        for (int poem = 0; written < samples; poem++) {
            int form = poem % 2 == 0 ? 5 : 7;
            for (String line : poems.write(form, 4, seed + poem, false)) {
                written++;
                if (line.codePointCount(0, line.length()) == form && !line.contains("<unk>")) {
                    valid++;
                }
            }
        }
        List<String> lines = vae.sample(samples, seed);
        long novel = lines.stream().filter(line -> !training.contains(line)).count();
        double distinctSum = 0;
        double distinctMin = 1;
        int batches = 0;
        for (int start = 0; start + BATCH <= lines.size(); start += BATCH) {
            double distinct =
                    new HashSet<>(lines.subList(start, start + BATCH)).size() / (double) BATCH;
            distinctSum += distinct;
            distinctMin = Math.min(distinctMin, distinct);
            batches++;
        }
        Interpolations paths = interpolations(vae, heldOut, pairs, seed);
        return new Report(
                written,
                valid / (double) written,
                lines.size(),
                novel / (double) lines.size(),
                batches == 0 ? Double.NaN : distinctSum / batches,
                batches == 0 ? Double.NaN : distinctMin,
                paths.pairs,
                paths.meanDistinct,
                paths.threeOrMore,
                paths.endpointsMatch);
    }

    private record Interpolations(
            int pairs, double meanDistinct, double threeOrMore, double endpointsMatch) {}

    /**
     * The interpolation pairs {@link #measure} uses: {@code pairs} draws of two held-out lines,
     * less those that drew the same line twice (so a caller can tell before sampling that none is
     * left).
     */
    public static List<List<String>> pairs(List<String> heldOut, int pairs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<String>> drawn = new ArrayList<>();
        for (int i = 0; i < pairs && heldOut.size() > 1; i++) {
            String from = heldOut.get(random.nextInt(heldOut.size()));
            String to = heldOut.get(random.nextInt(heldOut.size()));
            if (!from.equals(to)) {
                drawn.add(List.of(from, to));
            }
        }
        return drawn;
    }

    private static Interpolations interpolations(
            SentenceVae vae, List<String> heldOut, int pairs, long seed) {
        double distinctSum = 0;
        int threeOrMore = 0;
        int endpoints = 0;
        int done = 0;
        for (List<String> pair : pairs(heldOut, pairs, seed)) {
            String from = pair.get(0);
            String to = pair.get(1);
            List<String> path = vae.interpolate(from, to, STEPS);
            int distinct = new HashSet<>(path.subList(1, STEPS - 1)).size();
            distinctSum += distinct;
            threeOrMore += distinct >= 3 ? 1 : 0;
            List<String> ends =
                    new ArrayList<>(List.of(vae.reconstruct(from), vae.reconstruct(to)));
            endpoints +=
                    path.get(0).equals(ends.get(0)) && path.get(STEPS - 1).equals(ends.get(1))
                            ? 1
                            : 0;
            done++;
        }
        return done == 0
                ? new Interpolations(0, Double.NaN, Double.NaN, Double.NaN)
                : new Interpolations(
                        done,
                        distinctSum / done,
                        threeOrMore / (double) done,
                        endpoints / (double) done);
    }
}
