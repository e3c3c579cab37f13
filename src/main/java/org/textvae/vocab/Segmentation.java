package org.textvae.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a sentence is cut into tokens. Each mode is one HuggingFace pre-tokenizer in the vocabulary's
 * tokenizer.json ({@link TokenizerJson}), and {@link #tokenize} cuts exactly as that pre-tokenizer
 * does, so that any HuggingFace user gets the tokens textvae counted.
 */
public enum Segmentation {
    /**
     * Every non-whitespace character is a token, a character being what a reader sees as one (an
     * extended grapheme cluster: 漢, 👨‍👩‍👧, 🇯🇵, e with a combining accent); for scripts written
     * without spaces between words (Chinese, Japanese, Thai, ...) and for emoji.
     */
    CHARACTER,
    /**
     * Words and punctuation: split at whitespace, and every punctuation character is a token of its
     * own, so "software," and "software." both hold the word "software".
     */
    WORD,
    /**
     * Split at whitespace only; for text that is already tokenized, such as the Penn Treebank, and
     * what word vocabularies built before punctuation was split hold.
     */
    WHITESPACE;

    /**
     * Tokens longer than this many characters are never counted into a vocabulary: no word is that
     * long, so such a token means text without spaces cut at spaces.
     */
    public static final int MAX_TOKEN_LENGTH = 100;

    /**
     * Cuts a sentence into tokens the same way the tokenizer does, so that counts taken here match
     * what {@link Vocabulary#encode} sees.
     */
    public List<String> tokenize(String sentence) {
        return tokenize(sentence, false);
    }

    /**
     * As the tokenizer does: special tokens written in the text are cut out first, wherever they
     * stand, then the rest is lowercased if asked (the Lowercase normalizer) and pre-tokenized.
     */
    List<String> tokenize(String sentence, boolean lowercase) {
        List<String> tokens = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = sentence.length();
            String special = null;
            for (String candidate : Vocabulary.SPECIALS) {
                int found = sentence.indexOf(candidate, from);
                if (found >= 0 && found < at) {
                    at = found;
                    special = candidate;
                }
            }
            String piece = sentence.substring(from, at);
            cut(lowercase ? piece.toLowerCase(Locale.ROOT) : piece, tokens);
            if (special == null) {
                return tokens;
            }
            tokens.add(special);
            from = at + special.length();
        }
    }

    private void cut(String text, List<String> tokens) {
        StringBuilder word = new StringBuilder();
        text.codePoints()
                .forEach(
                        cp -> {
                            if (isWhitespace(cp)) {
                                flush(word, tokens);
                            } else if (this == WORD && isPunctuation(cp)) {
                                flush(word, tokens);
                                tokens.add(Character.toString(cp));
                            } else {
                                word.appendCodePoint(cp);
                            }
                        });
        flush(word, tokens);
    }

    private void flush(StringBuilder word, List<String> tokens) {
        if (word.length() == 0) {
            return;
        }
        if (this == CHARACTER) {
            tokens.addAll(GraphemeClusters.of(word.toString()));
        } else {
            tokens.add(word.toString());
        }
        word.setLength(0);
    }

    /**
     * Unicode White_Space, which is what the tokenizer's WhitespaceSplit (Rust's {@code
     * char::is_whitespace}) splits at. Java's {@code Character.isWhitespace} differs: it leaves out
     * no-break spaces and adds four control characters.
     */
    static boolean isWhitespace(int cp) {
        return Character.isSpaceChar(cp) || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85;
    }

    /**
     * Where Java 17's Unicode 13 and the tokenizer's older Unicode tables disagree, found by
     * comparing every code point with the native tokenizer (SegmentationAgreementTest, which also
     * catches a future change): punctuation to Java only, as ranges of first and last code points,
     * and two characters that were punctuation before Unicode 12 reclassed them.
     */
    private static final int[] NOT_YET_PUNCTUATION = {
        0x09FD, 0x09FD, 0x0A76, 0x0A76, 0x0C77, 0x0C77, 0x0C84, 0x0C84, 0x2E43, 0x2E4F, 0x2E52,
        0x2E52, 0x10EAD, 0x10EAD, 0x10F55, 0x10F59, 0x1144B, 0x1144F, 0x1145A, 0x1145B, 0x1145D,
        0x1145D, 0x11660, 0x1166C, 0x1183B, 0x1183B, 0x11944, 0x11946, 0x119E2, 0x119E2, 0x11A3F,
        0x11A46, 0x11A9A, 0x11A9C, 0x11A9E, 0x11AA2, 0x11C41, 0x11C45, 0x11C70, 0x11C71, 0x11EF7,
        0x11EF8, 0x11FFF, 0x11FFF, 0x16E97, 0x16E9A, 0x16FE2, 0x16FE2, 0x1E95E, 0x1E95F
    };

    private static final int CHI_SIGN = 0x166D;
    private static final int SHARADA_SANDHI_MARK = 0x111C9;

    /**
     * What the tokenizer's Punctuation pre-tokenizer isolates: ASCII punctuation (which includes
     * symbols such as $ + < = > ^ ` | ~) and the Unicode punctuation categories (P*) as its tables
     * know them.
     */
    static boolean isPunctuation(int cp) {
        if (cp < 0x80) {
            return (cp >= 0x21 && cp <= 0x2F)
                    || (cp >= 0x3A && cp <= 0x40)
                    || (cp >= 0x5B && cp <= 0x60)
                    || (cp >= 0x7B && cp <= 0x7E);
        }
        if (cp == CHI_SIGN || cp == SHARADA_SANDHI_MARK) {
            return true;
        }
        for (int i = 0; i < NOT_YET_PUNCTUATION.length; i += 2) {
            if (cp >= NOT_YET_PUNCTUATION[i] && cp <= NOT_YET_PUNCTUATION[i + 1]) {
                return false;
            }
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION ->
                    true;
            default -> false;
        };
    }

    /**
     * Guesses the segmentation of a corpus from a sample of its sentences; see {@link
     * SegmentationGuess} for the rule.
     */
    public static Segmentation detect(List<String> sample) {
        return SegmentationGuess.of(sample);
    }
}
