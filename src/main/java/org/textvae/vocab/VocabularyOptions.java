package org.textvae.vocab;

import java.util.Objects;
import org.textvae.TextvaeException;

/**
 * How a vocabulary is built.
 *
 * @param segmentation how sentences are cut into tokens
 * @param minFrequency the fewest training occurrences a token needs to be kept (at least 1)
 * @param maxSize the most tokens kept, not counting the four special tokens (at least 1)
 * @param lowercase whether text is lowercased before it is cut into tokens, when the vocabulary is
 *     built and whenever it encodes ("The" and "the" become one token)
 */
public record VocabularyOptions(
        Segmentation segmentation, int minFrequency, int maxSize, boolean lowercase) {

    /** Validates the settings, naming the command-line option that sets each one. */
    public VocabularyOptions {
        Objects.requireNonNull(segmentation, "segmentation");
        if (minFrequency < 1) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--min-frequency must be at least 1, got " + minFrequency);
        }
        if (maxSize < 1) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "--max-size must be at least 1, got " + maxSize);
        }
    }

    /** Settings that keep the text's case. */
    public VocabularyOptions(Segmentation segmentation, int minFrequency, int maxSize) {
        this(segmentation, minFrequency, maxSize, false);
    }

    /** Character segmentation, every token seen at least once, at most 50,000 tokens. */
    public static VocabularyOptions defaults() {
        return new VocabularyOptions(Segmentation.CHARACTER, 1, 50_000);
    }

    /** Returns a copy with another segmentation. */
    public VocabularyOptions withSegmentation(Segmentation newSegmentation) {
        return new VocabularyOptions(newSegmentation, minFrequency, maxSize, lowercase);
    }
}
