package org.textvae.vocab;

import java.util.ArrayList;
import java.util.List;

/** How a sentence is cut into tokens. */
public enum Segmentation {
    /** Every non-whitespace character (code point) is a token; for Chinese, Japanese, Korean. */
    CHARACTER,
    /** Tokens are separated by whitespace; for pre-tokenized text such as the Penn Treebank. */
    WORD;

    /**
     * Cuts a sentence into tokens the same way the tokenizer's pre-tokenizer does, so that counts
     * taken here match what {@link Vocabulary#encode} sees.
     */
    public List<String> tokenize(String sentence) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        sentence.codePoints()
                .forEach(
                        cp -> {
                            if (isWhitespace(cp)) {
                                flush(word, tokens);
                            } else if (this == CHARACTER) {
                                tokens.add(Character.toString(cp));
                            } else {
                                word.appendCodePoint(cp);
                            }
                        });
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
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
     * Guesses the segmentation of a corpus: CHARACTER when most non-space characters of the sample
     * are Han, Hiragana, Katakana or Hangul, WORD otherwise.
     */
    public static Segmentation detect(List<String> sample) {
        long total = 0;
        long cjk = 0;
        for (String sentence : sample) {
            for (int cp : sentence.codePoints().toArray()) {
                if (!isWhitespace(cp)) {
                    total++;
                    cjk += isCjk(cp) ? 1 : 0;
                }
            }
        }
        return cjk * 2 > total ? CHARACTER : WORD;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
