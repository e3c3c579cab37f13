package org.textvae.vocab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into extended grapheme clusters exactly as the tokenizer's {@code \X} cuts it.
 *
 * <p>Java 17 knows Unicode 13; the tokenizer's regex engine knows a later Unicode, in which some
 * code points Java 17 has as unassigned are marks that join the character before (or, as prefixed
 * signs, the one after), and two Ahom vowel signs no longer join. The ranges below are those
 * differences, found by cutting every code point between two letters with both (the agreement test
 * does it again), and this class applies them to Java's clusters.
 */
final class GraphemeClusters {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    /** Marks that join the cluster before them, in (first, last) pairs. */
    private static final int[] JOIN_BEFORE = {
        0x897, 0x89F, 0x8CA, 0x8D2, 0xC3C, 0xC3C, 0xCF3, 0xCF3, 0xECE, 0xECE, 0x1715, 0x1715,
        0x180F, 0x180F, 0x1AC1, 0x1ACE, 0x1DFA, 0x1DFA, 0x10D69, 0x10D6D, 0x10EFC, 0x10EFF, 0x10F82,
        0x10F85, 0x11070, 0x11070, 0x11073, 0x11074, 0x110C2, 0x110C2, 0x11241, 0x11241, 0x113B8,
        0x113C0, 0x113C2, 0x113C2, 0x113C5, 0x113C5, 0x113C7, 0x113CA, 0x113CC, 0x113D0, 0x113D2,
        0x113D2, 0x113E1, 0x113E2, 0x11F00, 0x11F01, 0x11F03, 0x11F03, 0x11F34, 0x11F3A, 0x11F3E,
        0x11F42, 0x11F5A, 0x11F5A, 0x13440, 0x13440, 0x13447, 0x13455, 0x1611E, 0x1612F, 0x1CF00,
        0x1CF2D, 0x1CF30, 0x1CF46, 0x1E08F, 0x1E08F, 0x1E2AE, 0x1E2AE, 0x1E4EC, 0x1E4EF, 0x1E5EE,
        0x1E5EF
    };

    /** Prefixed signs that join the cluster after them. */
    private static final int[] JOIN_AFTER = {0x890, 0x891, 0x113D1, 0x113D1, 0x11F02, 0x11F02};

    /** Signs that Java joins to the character before and the tokenizer leaves on their own. */
    private static final int[] STAND_ALONE = {0x11720, 0x11721};

    private GraphemeClusters() {}

    /** The clusters of {@code text}, a run without whitespace, in order. */
    static List<String> of(String text) {
        List<String> clusters = new ArrayList<>();
        Matcher cluster = CLUSTER.matcher(text);
        while (cluster.find()) {
            splitStandAlone(cluster.group(), clusters);
        }
        List<String> joined = new ArrayList<>(clusters.size());
        boolean joinNext = false;
        for (String piece : clusters) {
            int first = piece.codePointAt(0);
            if (!joined.isEmpty() && (joinNext || within(JOIN_BEFORE, first))) {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + piece);
            } else {
                joined.add(piece);
            }
            int last = piece.codePointBefore(piece.length());
            joinNext = within(JOIN_AFTER, last);
        }
        return joined;
    }

    private static void splitStandAlone(String piece, List<String> clusters) {
        int from = 0;
        for (int at = 0; at < piece.length(); at += Character.charCount(piece.codePointAt(at))) {
            if (at > from && Arrays.binarySearch(STAND_ALONE, piece.codePointAt(at)) >= 0) {
                clusters.add(piece.substring(from, at));
                from = at;
            }
        }
        clusters.add(piece.substring(from));
    }

    private static boolean within(int[] ranges, int cp) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (cp >= ranges[i] && cp <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
