package org.textvae.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.textvae.SentenceVae;
import org.textvae.generate.Interpolation;
import org.textvae.generate.ReconstructionOptions;
import org.textvae.generate.SentencePair;

/**
 * How faithfully the latent space keeps a sentence: whether a line comes back from its posterior
 * mean, and whether an interpolation path starts at the user's first line and ends at the second.
 */
public final class Fidelity {

    /**
     * Reconstruction from the posterior mean, greedy.
     *
     * @param lines lines reconstructed
     * @param exactRate share that came back exactly
     * @param charactersInPlace share of the input's characters found at their place in the output
     * @param lengthKept share whose output has the input's length in characters
     */
    public record Reconstruction(
            int lines, double exactRate, double charactersInPlace, double lengthKept) {}

    /**
     * Interpolation paths between two different lines.
     *
     * @param pairs paths walked
     * @param steps points on each path, ends included
     * @param startsAtFrom share whose first line is the first input
     * @param endsAtTo share whose last line is the second input
     * @param bothEnds share with both
     * @param meanDistinct distinct lines on a path, on average
     * @param fiveOrMoreDistinct share of paths with at least 5 distinct lines
     * @param sameLengthPairs pairs whose two inputs have one length
     * @param lengthKept share of those whose every line has that length
     */
    public record Paths(
            int pairs,
            int steps,
            double startsAtFrom,
            double endsAtTo,
            double bothEnds,
            double meanDistinct,
            double fiveOrMoreDistinct,
            int sameLengthPairs,
            double lengthKept) {}

    private Fidelity() {}

    /** Reconstructs every line. */
    public static Reconstruction reconstruction(SentenceVae vae, List<String> lines) {
        return reconstruction(vae, lines, ReconstructionOptions.GREEDY);
    }

    /** Reconstructs every line as {@code options} say. */
    public static Reconstruction reconstruction(
            SentenceVae vae, List<String> lines, ReconstructionOptions options) {
        return compare(lines, vae.reconstructAll(lines, options));
    }

    /** The figures of lines and their reconstructions, {@code outputs}, in the same order. */
    static Reconstruction compare(List<String> lines, List<String> outputs) {
        int exact = 0;
        long inPlace = 0;
        long characters = 0;
        int lengthKept = 0;
        for (int i = 0; i < lines.size(); i++) {
            int[] input = lines.get(i).codePoints().toArray();
            int[] output = outputs.get(i).codePoints().toArray();
            exact += lines.get(i).equals(outputs.get(i)) ? 1 : 0;
            lengthKept += input.length == output.length ? 1 : 0;
            for (int c = 0; c < Math.min(input.length, output.length); c++) {
                inPlace += input[c] == output[c] ? 1 : 0;
            }
            characters += input.length;
        }
        int n = lines.size();
        return new Reconstruction(
                n, exact / (double) n, inPlace / (double) characters, lengthKept / (double) n);
    }

    /** Walks each pair's path of {@code steps} points (pairs of one line twice are skipped). */
    public static Paths paths(SentenceVae vae, List<List<String>> pairs, int steps) {
        return paths(vae, pairs, steps, ReconstructionOptions.GREEDY);
    }

    /** As {@link #paths(SentenceVae, List, int)}, read as {@code options} say. */
    public static Paths paths(
            SentenceVae vae, List<List<String>> pairs, int steps, ReconstructionOptions options) {
        List<List<String>> walkedPaths =
                options.equals(ReconstructionOptions.GREEDY)
                        ? null
                        : vae.interpolateAll(
                                pairs.stream()
                                        .map(pair -> new SentencePair(pair.get(0), pair.get(1)))
                                        .toList(),
                                steps,
                                Interpolation.LINEAR,
                                options);
        int walked = 0;
        int starts = 0;
        int ends = 0;
        int both = 0;
        double distinctSum = 0;
        int fiveOrMore = 0;
        int sameLength = 0;
        int lengthKept = 0;
        for (List<String> pair : pairs) {
            String from = pair.get(0);
            String to = pair.get(1);
            List<String> path =
                    walkedPaths != null
                            ? walkedPaths.get(walked)
                            : vae.interpolate(from, to, steps, Interpolation.LINEAR);
            boolean start = path.get(0).equals(from);
            boolean end = path.get(steps - 1).equals(to);
            starts += start ? 1 : 0;
            ends += end ? 1 : 0;
            both += start && end ? 1 : 0;
            int distinct = new HashSet<>(path).size();
            distinctSum += distinct;
            fiveOrMore += distinct >= 5 ? 1 : 0;
            int length = length(from);
            if (length == length(to)) {
                sameLength++;
                lengthKept += path.stream().allMatch(line -> length(line) == length) ? 1 : 0;
            }
            walked++;
        }
        return new Paths(
                walked,
                steps,
                starts / (double) walked,
                ends / (double) walked,
                both / (double) walked,
                distinctSum / walked,
                fiveOrMore / (double) walked,
                sameLength,
                sameLength == 0 ? Double.NaN : lengthKept / (double) sameLength);
    }

    /** Lines whose length in characters is one of {@code lengths}. */
    public static double shareOfLengths(List<String> lines, int... lengths) {
        HashSet<Integer> accepted = new HashSet<>();
        for (int length : lengths) {
            accepted.add(length);
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (accepted.contains(length(line)) && !line.contains("<unk>")) {
                kept.add(line);
            }
        }
        return kept.size() / (double) lines.size();
    }

    private static int length(String line) {
        return line.codePointCount(0, line.length());
    }
}
