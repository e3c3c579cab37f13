package org.textvae.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.textvae.SentenceVae;
import org.textvae.model.Checkpoint;
import org.textvae.vocab.Vocabulary;

/**
 * The figures that say whether a latent space remembers its sentences and still samples well:
 * reconstruction of seen-style and unseen lines, interpolation ends, prior samples judged by form,
 * novelty, diversity and a separate language model, and what bulk use costs.
 */
public final class LatentSpaceFigures {

    /**
     * Prior samples, decoded greedily without forcing a length.
     *
     * @param count samples decoded
     * @param naturalForm share whose length is one the held-out lines have (Tang: 5 or 7)
     * @param novelty share that are not training lines
     * @param distinct2 distinct token bigrams over all bigrams
     * @param lmNllPerToken mean NLL per token ({@code <eos>} counted) under the language model, NaN
     *     without one
     * @param realLmNllPerToken the same for the held-out lines reconstructed
     * @param closeness characters in place shared with the closest training line, mean
     * @param realCloseness the same for the held-out lines
     */
    public record Samples(
            int count,
            double naturalForm,
            double novelty,
            double distinct2,
            double lmNllPerToken,
            double realLmNllPerToken,
            double closeness,
            double realCloseness) {}

    /**
     * What bulk use costs, in one process after warming up.
     *
     * @param reconstructSeconds reconstructing the held-out lines
     * @param generateSeconds generating as many lines from the prior
     * @param interpolateMillis one 7-step interpolation, median of repeats
     */
    public record Timing(
            double reconstructSeconds, double generateSeconds, double interpolateMillis) {}

    /**
     * @param heldOut reconstruction of held-out lines of the model's corpus
     * @param unseen reconstruction of the unseen lines, or null without them
     * @param paths interpolation between held-out lines
     */
    public record Report(
            Fidelity.Reconstruction heldOut,
            Fidelity.Reconstruction unseen,
            Fidelity.Paths paths,
            Samples samples,
            Timing timing) {}

    /** A language model to score lines with, or none. */
    public record Scorer(Checkpoint languageModel, String name) {}

    private static final int STEPS = 7;
    private static final int TIMING_REPEATS = 21;

    private LatentSpaceFigures() {}

    /**
     * @param training training lines, for novelty
     * @param heldOut held-out lines to reconstruct, to interpolate between, and to score as real
     * @param unseen lines from outside the corpus to reconstruct (may be empty)
     * @param scorer scores samples and real lines, or null
     */
    public static Report measure(
            SentenceVae vae,
            Collection<String> training,
            List<String> heldOut,
            List<String> unseen,
            List<List<String>> pairs,
            int samples,
            long seed,
            Scorer scorer) {
        warmUp(vae, heldOut);
        long start = System.nanoTime();
        List<String> reconstructed = vae.reconstructAll(heldOut);
        double reconstructSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        vae.sample(heldOut.size(), seed + 1);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        List<String> sampled = vae.sample(samples, seed);
        Fidelity.Reconstruction seen = Fidelity.compare(heldOut, reconstructed);
        Fidelity.Reconstruction outside =
                unseen.isEmpty() ? null : Fidelity.reconstruction(vae, unseen);
        Fidelity.Paths paths = Fidelity.paths(vae, pairs, STEPS);
        Samples figures = samples(vae, sampled, training, heldOut, scorer);
        Timing timing =
                new Timing(reconstructSeconds, generateSeconds, interpolationMillis(vae, pairs));
        return new Report(seen, outside, paths, figures, timing);
    }

    private static void warmUp(SentenceVae vae, List<String> heldOut) {
        vae.reconstructAll(heldOut.subList(0, Math.min(200, heldOut.size())));
        vae.sample(200, -1);
    }

    private static Samples samples(
            SentenceVae vae,
            List<String> sampled,
            Collection<String> training,
            List<String> heldOut,
            Scorer scorer) {
        Set<Integer> lengths = new HashSet<>();
        heldOut.forEach(line -> lengths.add(line.codePointCount(0, line.length())));
        int[] natural = lengths.stream().mapToInt(Integer::intValue).toArray();
        Vocabulary vocabulary = vae.vocabulary();
        List<int[]> sampleIds = ids(vocabulary, sampled);
        double lm = Double.NaN;
        double real = Double.NaN;
        if (scorer != null) {
            lm = score(scorer, sampleIds);
            real = score(scorer, ids(vocabulary, heldOut));
        }
        ClosestTrainingLine closest = new ClosestTrainingLine(training);
        return new Samples(
                sampled.size(),
                Fidelity.shareOfLengths(sampled, natural),
                SampleDiversity.novelty(sampled, training),
                SampleDiversity.distinct(sampleIds, 2),
                lm,
                real,
                closest.meanCloseness(sampled),
                closest.meanCloseness(heldOut));
    }

    private static double score(Scorer scorer, List<int[]> ids) {
        return LanguageModelScore.score(scorer.languageModel(), scorer.name(), ids, 250)
                .nllPerToken();
    }

    private static List<int[]> ids(Vocabulary vocabulary, List<String> lines) {
        List<int[]> ids = new ArrayList<>(lines.size());
        for (String line : lines) {
            ids.add(vocabulary.encode(line));
        }
        return ids;
    }

    /** The median time of a 7-step interpolation between the first pairs, warm. */
    private static double interpolationMillis(SentenceVae vae, List<List<String>> pairs) {
        double[] times = new double[TIMING_REPEATS];
        for (int i = 0; i < TIMING_REPEATS; i++) {
            List<String> pair = pairs.get(i % pairs.size());
            long start = System.nanoTime();
            vae.interpolate(pair.get(0), pair.get(1), STEPS);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[TIMING_REPEATS / 2];
    }
}
