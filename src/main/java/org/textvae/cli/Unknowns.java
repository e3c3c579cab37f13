package org.textvae.cli;

import java.util.List;
import org.textvae.generate.SentenceVae;

/** Tells the user which input tokens the model does not know (they are read as {@code <unk>}). */
final class Unknowns {

    private Unknowns() {}

    static void report(SentenceVae vae, String... sentences) {
        for (String sentence : sentences) {
            List<String> unknown = vae.vocabulary().unknownTokens(sentence);
            if (!unknown.isEmpty()) {
                System.err.println(
                        "textvae: not in the vocabulary, read as <unk>: "
                                + visible(String.join(" ", unknown))
                                + " (in '"
                                + visible(sentence)
                                + "')");
            }
        }
    }

    /**
     * The text with control characters written as backslash-u escapes, so a tab or a terminal
     * escape sequence in the input cannot break or restyle the report line.
     */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                out.append(String.format("\\u%04x", c));
                            } else {
                                out.appendCodePoint(c);
                            }
                        });
        return out.toString();
    }
}
