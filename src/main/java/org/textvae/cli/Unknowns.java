package org.textvae.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.textvae.SentenceVae;

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

    /** Lines of a bulk input reported one by one; the rest are counted in one more line. */
    static final int LINES_LISTED = 10;

    /**
     * Reports the unknown tokens of a bulk input with their line numbers: the first {@link
     * #LINES_LISTED} lines that have any, then one line counting the rest, so a file in another
     * script does not bury the terminal.
     */
    static void report(BulkInput<?> input) {
        Set<String> distinct = new LinkedHashSet<>();
        int listed = 0;
        int more = 0;
        for (int i = 0; i < input.items().size(); i++) {
            List<String> unknown = input.unknowns().get(i);
            if (unknown.isEmpty()) {
                continue;
            }
            distinct.addAll(unknown);
            if (listed == LINES_LISTED) {
                more++;
                continue;
            }
            listed++;
            System.err.println(
                    "textvae: not in the vocabulary, read as <unk>: "
                            + visible(String.join(" ", unknown))
                            + " ("
                            + input.name()
                            + " line "
                            + input.lineNumbers().get(i)
                            + ")");
        }
        if (more > 0) {
            System.err.printf(
                    Locale.ROOT,
                    "textvae: and %,d more lines of %s with tokens not in the vocabulary (%,d"
                            + " distinct tokens in all)%n",
                    more,
                    input.name(),
                    distinct.size());
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
