package org.textvae.generate;

import java.util.List;
import java.util.Objects;

/**
 * Two sentences for {@code SentenceVae.interpolateAll}: the path runs from {@code from} to {@code
 * to}.
 *
 * @param from the first sentence, not blank
 * @param to the second sentence, not blank
 */
public record SentencePair(String from, String to) {

    public SentencePair {
        Objects.requireNonNull(from, "the first sentence of the pair is null");
        Objects.requireNonNull(to, "the second sentence of the pair is null");
        if (from.isBlank() || to.isBlank()) {
            throw new IllegalArgumentException(
                    "a pair needs two sentences, got '" + from + "' and '" + to + "'");
        }
    }

    /** Both sentences, in order. */
    List<String> both() {
        return List.of(from, to);
    }
}
