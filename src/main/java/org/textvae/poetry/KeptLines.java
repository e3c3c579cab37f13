package org.textvae.poetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.textvae.SentenceVae;
import org.textvae.prior.PosteriorMixture;

/**
 * The kept posteriors of one line length (or of every length, for ci, decoded up to the longest)
 * and the lines the model writes from their means: what a theme chooses codes by. Decoding the
 * means (a few thousand lines, well under a second) reads the codes as the decoder does, so a code
 * is chosen for the words it will write.
 */
public final class KeptLines {

    /** Images a theme keeps. */
    static final int IMAGERY = 8;

    /** Lines an image must share with the word, so that chance pairings do not count. */
    static final int MIN_SHARED = 3;

    private final PosteriorMixture kept;
    private final List<String> lines;

    /** Each line's characters, how many lines hold each character, and which lines do. */
    private final List<Set<String>> characters = new ArrayList<>();

    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, List<Integer>> holders = new HashMap<>();

    /** Themes already measured: a poem of its own theme measures every character of a line. */
    private final Map<String, Theme> themes = new java.util.concurrent.ConcurrentHashMap<>();

    private KeptLines(PosteriorMixture kept, List<String> lines) {
        this.kept = kept;
        this.lines = List.copyOf(lines);
        for (int k = 0; k < this.lines.size(); k++) {
            Set<String> set = new HashSet<>();
            this.lines.get(k).codePoints().forEach(cp -> set.add(Character.toString(cp)));
            characters.add(set);
            for (String character : set) {
                seen.merge(character, 1, Integer::sum);
                holders.computeIfAbsent(character, c -> new ArrayList<>()).add(k);
            }
        }
    }

    /** Decodes the means of {@code kept}, the model's kept lines of {@code length} characters. */
    public static KeptLines decode(SentenceVae vae, PosteriorMixture kept, int length) {
        return new KeptLines(kept, vae.decodeAll(kept.means(), length + 1, 0, new int[0]));
    }

    /**
     * The theme of {@code word}: its imagery ranked by shared lines times pointwise mutual
     * information (so that an image must be both telling and common).
     *
     * @throws IllegalArgumentException when no kept line holds the word
     */
    public Theme theme(String word) {
        return themes.computeIfAbsent(word, this::measure);
    }

    /** How many kept lines hold {@code word}. */
    /**
     * The character of {@code line} that the fewest kept lines hold, at least {@code minimum} of
     * them (the first of equals), or null when no character is held that often.
     */
    String rarestHeldBy(String line, int minimum) {
        String chosen = null;
        int fewest = Integer.MAX_VALUE;
        for (int cp : line.codePoints().toArray()) {
            String word = Character.toString(cp);
            int holding = holding(word);
            if (holding >= minimum && holding < fewest) {
                chosen = word;
                fewest = holding;
            }
        }
        return chosen;
    }

    /** Whether every kept line has one length (a poem form's), as against ci lines of many. */
    private boolean lengthsApart() {
        return kept.knowsLengths()
                && java.util.Arrays.stream(kept.lengths()).distinct().count() == 1;
    }

    int holding(String word) {
        return linesHolding(word).size();
    }

    private Theme measure(String word) {
        Set<String> own = new HashSet<>();
        word.codePoints().forEach(cp -> own.add(Character.toString(cp)));
        List<Integer> holdingLines = linesHolding(word);
        int holding = holdingLines.size();
        if (holding == 0) {
            throw new IllegalArgumentException(
                    "none of the model's "
                            + lines.size()
                            + " kept lines"
                            + (lengthsApart() ? " of this length" : "")
                            + " holds "
                            + word
                            + "; try a commoner word");
        }
        Map<String, Integer> shared = new HashMap<>();
        for (int k : holdingLines) {
            for (String character : characters.get(k)) {
                if (!own.contains(character)) {
                    shared.merge(character, 1, Integer::sum);
                }
            }
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

    /** The lines that hold {@code word}: from the index for one character, else by looking. */
    private List<Integer> linesHolding(String word) {
        if (word.codePointCount(0, word.length()) == 1) {
            return holders.getOrDefault(word, List.of());
        }
        List<Integer> holding = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(word)) {
                holding.add(k);
            }
        }
        return holding;
    }

    /** The kept posteriors of the lines that hold the theme's word. */
    public PosteriorMixture holdingWord(Theme theme) {
        return kept.keeping(indices(line -> line.contains(theme.word())));
    }

    /** The kept posteriors of the lines that hold the theme's word or one of its images. */
    public PosteriorMixture touching(Theme theme) {
        return kept.keeping(indices(theme::touches));
    }

    private int[] indices(java.util.function.Predicate<String> keep) {
        return java.util.stream.IntStream.range(0, lines.size())
                .filter(k -> keep.test(lines.get(k)))
                .toArray();
    }
}
