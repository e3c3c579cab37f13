package org.textvae.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.textvae.vocab.Vocabulary;

/** A sentence given to the library, as the token ids the network reads. */
final class SentenceTokens {

    /** Longest sentence accepted, in tokens: far beyond any line the models are trained on. */
    static final int MAX_TOKENS = DecodingLimits.DEFAULT_MAX_LENGTH * 4;

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

    /**
     * Every sentence's ids, all checked before any is used, so a bulk call fails before it decodes
     * anything; a refusal names the sentence as {@code name} says (its index given).
     */
    static List<int[]> ofAll(
            Vocabulary vocabulary, List<String> sentences, IntFunction<String> name) {
        Objects.requireNonNull(sentences, "the sentences are null");
        List<int[]> ids = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            if (sentence == null) {
                throw new NullPointerException(name.apply(i) + " is null");
            }
            try {
                ids.add(of(vocabulary, sentence));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name.apply(i) + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }
}
