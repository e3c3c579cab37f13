package org.textvae.ci;

import java.util.HashMap;
import java.util.Map;
import org.textvae.poetry.KeptLines;
import org.textvae.poetry.Theme;
import org.textvae.prior.PosteriorMixture;

/**
 * What a themed ci keeps to: a word and its imagery, found in the model's own kept lines of every
 * length ({@link KeptLines}), and for each line length the kept lines a themed line is drawn from:
 * for the first line those that hold the word, for later lines those that hold it or an image; a
 * length with no such kept line is drawn as without a theme. No line is made to name the word.
 */
public final class CiTheme {

    private final Theme theme;
    private final Map<Integer, PosteriorMixture> holding = new HashMap<>();
    private final Map<Integer, PosteriorMixture> touching = new HashMap<>();

    CiTheme(KeptLines kept, Theme theme) {
        this.theme = theme;
        PosteriorMixture word = kept.holdingWord(theme);
        PosteriorMixture near = kept.touching(theme);
        for (int length : word.lengths()) {
            holding.computeIfAbsent(length, word::ofLength);
        }
        for (int length : near.lengths()) {
            touching.computeIfAbsent(length, near::ofLength);
        }
    }

    /** The word and its imagery. */
    public Theme theme() {
        return theme;
    }

    /**
     * Where a ci's first line of {@code length} characters comes from; null: as without a theme.
     */
    PosteriorMixture first(int length) {
        PosteriorMixture pool = holding.get(length);
        return pool != null ? pool : touching.get(length);
    }

    /** Where a later line of {@code length} characters comes from; null: as without a theme. */
    PosteriorMixture later(int length) {
        return touching.get(length);
    }
}
