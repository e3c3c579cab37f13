package org.textvae.generate;

import java.util.Objects;
import org.textvae.vocab.Vocabulary;

/** A sentence given to the library, as the token ids the network reads. */
final class SentenceTokens {

    /** Longest sentence accepted, in tokens: far beyond any line the models are trained on. */
    static final int MAX_TOKENS = SentenceVae.DEFAULT_MAX_LENGTH * 4;

    private SentenceTokens() {}

    /** The sentence's ids; refuses an empty, token-less or overlong sentence. */
    static int[] of(Vocabulary vocabulary, String sentence) {
        Objects.requireNonNull(sentence, "the sentence is null");
        if (sentence.isBlank()) {
            throw new IllegalArgumentException("the sentence is empty");
        }
        // A lone surrogate comes out of codePoints() as itself; a pair comes out as one code point.
        if (sentence.codePoints()
                .anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException(
                    "the sentence is not well-formed UTF-16: it has a lone surrogate");
        }
        int[] ids = vocabulary.encode(sentence);
        if (ids.length == 0) {
            throw new IllegalArgumentException("the sentence has no tokens: '" + sentence + "'");
        }
        if (ids.length > MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "the sentence has "
                            + ids.length
                            + " tokens; at most "
                            + MAX_TOKENS
                            + " are accepted");
        }
        return ids;
    }

    /** The ids widened to int64, as the engine's embedding takes them. */
    static long[] asLongs(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return longs;
    }
}
