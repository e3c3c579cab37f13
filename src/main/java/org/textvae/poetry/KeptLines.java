package org.textvae.poetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.textvae.generate.SentenceVae;
import org.textvae.prior.PosteriorMixture;

/**
 * The kept posteriors of one line length and the lines the model writes from their means: what a
 * theme chooses codes by. Decoding the means (a few thousand lines, well under a second) reads the
 * codes as the decoder does, so a code is chosen for the words it will write.
 */
final class KeptLines {

    /** Images a theme keeps. */
    static final int IMAGERY = 8;

    /** Lines an image must share with the word, so that chance pairings do not count. */
    static final int MIN_SHARED = 3;

    private final PosteriorMixture kept;
    private final List<String> lines;

    private KeptLines(PosteriorMixture kept, List<String> lines) {
        this.kept = kept;
        this.lines = List.copyOf(lines);
    }

    /** Decodes the means of {@code kept}, the model's kept lines of {@code length} characters. */
    static KeptLines decode(SentenceVae vae, PosteriorMixture kept, int length) {
        return new KeptLines(kept, vae.decodeAll(kept.means(), length + 1, 0, new int[0]));
    }

    /**
     * The theme of {@code word}: its imagery ranked by shared lines times pointwise mutual
     * information (so that an image must be both telling and common).
     *
     * @throws IllegalArgumentException when no kept line holds the word
     */
    Theme theme(String word) {
        int holding = 0;
        Map<String, Integer> shared = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> own = new HashSet<>();
        word.codePoints().forEach(cp -> own.add(Character.toString(cp)));
        for (String line : lines) {
            Set<String> characters = new HashSet<>();
            line.codePoints().forEach(cp -> characters.add(Character.toString(cp)));
            characters.removeAll(own);
            boolean holds = line.contains(word);
            holding += holds ? 1 : 0;
            for (String character : characters) {
                seen.merge(character, 1, Integer::sum);
                if (holds) {
                    shared.merge(character, 1, Integer::sum);
                }
            }
        }
        if (holding == 0) {
            throw new IllegalArgumentException(
                    "none of the model's "
                            + lines.size()
                            + " kept lines of this length holds "
                            + word
                            + "; try a commoner word");
        }
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<String, Integer> entry : shared.entrySet()) {
            int both = entry.getValue();
            if (both < MIN_SHARED) {
                continue;
            }
            double pmi =
                    Math.log(
                            (double) both
                                    * lines.size()
                                    / ((double) holding * seen.get(entry.getKey())));
            if (pmi > 0) {
                scores.put(entry.getKey(), both * pmi);
            }
        }
        List<String> imagery = new ArrayList<>(scores.keySet());
        imagery.sort(
                Comparator.comparingDouble((String c) -> -scores.get(c))
                        .thenComparing(Comparator.naturalOrder()));
        return new Theme(word, imagery.subList(0, Math.min(IMAGERY, imagery.size())), holding);
    }

    /** The kept posteriors of the lines that hold the theme's word. */
    PosteriorMixture holdingWord(Theme theme) {
        return kept.keeping(indices(line -> line.contains(theme.word())));
    }

    /** The kept posteriors of the lines that hold the theme's word or one of its images. */
    PosteriorMixture touching(Theme theme) {
        return kept.keeping(indices(theme::touches));
    }

    private int[] indices(java.util.function.Predicate<String> keep) {
        return java.util.stream.IntStream.range(0, lines.size())
                .filter(k -> keep.test(lines.get(k)))
                .toArray();
    }
}
