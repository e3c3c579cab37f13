package org.textvae.poetry;

import java.util.List;
import java.util.Objects;

/**
 * What a themed poem keeps to: a word and its imagery, the characters that the model's own lines of
 * the form's length pair with the word more than chance would (by pointwise mutual information).
 * The first line's code comes from the kept lines that hold the word, and every later line's from
 * those that hold the word or its imagery; no line is made to name either.
 *
 * @param word the theme, one or more characters
 * @param imagery characters that go with it, most telling first
 * @param lines kept lines of the form's length that hold the word, from which first lines come
 */
public record Theme(String word, List<String> imagery, int lines) {

    public Theme {
        Objects.requireNonNull(word, "word");
        imagery = List.copyOf(imagery);
        if (word.isBlank()) {
            throw new IllegalArgumentException("a theme needs a word");
        }
    }

    /** Whether a line holds the word or one of its images. */
    public boolean touches(String line) {
        if (line.contains(word)) {
            return true;
        }
        for (String image : imagery) {
            if (line.contains(image)) {
                return true;
            }
        }
        return false;
    }
}
