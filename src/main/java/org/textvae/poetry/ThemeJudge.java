package org.textvae.poetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges how far poems keep to a theme by the imagery of real poems: the characters that share
 * training poems with the word more often than chance would have them (pointwise mutual information
 * times shared poems). It reads whole real poems and no model, so a writer that chooses codes by
 * the model's own lines cannot tune itself to it.
 */
public final class ThemeJudge {

    /** Images kept per word. */
    public static final int IMAGERY = 8;

    /** Poems an image must share with the word. */
    private static final int MIN_SHARED = 5;

    private final List<Set<String>> poems = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    /** Imagery already read from the poems: each word's costs a pass over all of them. */
    private final Map<String, List<String>> imagery =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param training the real poems the imagery comes from
     */
    public ThemeJudge(List<Poem> training) {
        for (Poem poem : training) {
            Set<String> characters = new HashSet<>();
            poem.lines()
                    .forEach(
                            line ->
                                    line.codePoints()
                                            .forEach(cp -> characters.add(Character.toString(cp))));
            poems.add(characters);
            characters.forEach(c -> seen.merge(c, 1, Integer::sum));
        }
    }

    /**
     * The characters real poems pair with {@code word}, most telling first; none when no poem holds
     * it.
     */
    public List<String> imageryOf(String word) {
        return imagery.computeIfAbsent(word, this::readImagery);
    }

    private List<String> readImagery(String word) {
        Set<String> own = new HashSet<>();
        word.codePoints().forEach(cp -> own.add(Character.toString(cp)));
        Map<String, Integer> shared = new HashMap<>();
        int holding = 0;
        for (Set<String> poem : poems) {
            if (!poem.containsAll(own)) {
                continue;
            }
            holding++;
            for (String character : poem) {
                if (!own.contains(character)) {
                    shared.merge(character, 1, Integer::sum);
                }
            }
        }
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<String, Integer> entry : shared.entrySet()) {
            int both = entry.getValue();
            double pmi =
                    Math.log(
                            (double) both
                                    * poems.size()
                                    / ((double) holding * seen.get(entry.getKey())));
            if (both >= MIN_SHARED && pmi > 0) {
                scores.put(entry.getKey(), both * pmi);
            }
        }
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(
                Comparator.comparingDouble((String c) -> -scores.get(c))
                        .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(ranked.subList(0, Math.min(IMAGERY, ranked.size())));
    }

    /** The share of poems one of whose lines holds {@code word}. */
    public static double holdingShare(List<Poem> poems, String word) {
        int holding = 0;
        for (Poem poem : poems) {
            holding += poem.lines().stream().anyMatch(line -> line.contains(word)) ? 1 : 0;
        }
        return poems.isEmpty() ? Double.NaN : (double) holding / poems.size();
    }

    /** The share of lines that hold {@code word} or one of the judge's images of it. */
    public double touchingShare(List<Poem> written, String word) {
        Theme theme = new Theme(word, imageryOf(word), 0);
        int lines = 0;
        int touching = 0;
        for (Poem poem : written) {
            for (String line : poem.lines()) {
                lines++;
                touching += theme.touches(line) ? 1 : 0;
            }
        }
        return lines == 0 ? Double.NaN : (double) touching / lines;
    }
}
