package org.textvae.corpus;

import java.util.List;
import org.textvae.ci.TuneLine;

/**
 * Where a tune's second stanza (下片) starts, found from its form alone, since the corpus does not
 * mark it. A stanza ends on a rhyme, the two stanzas are of about equal size, and the second mostly
 * repeats the first from some line on: the break is the rhyming line end, with between 40% and 60%
 * of the characters before it, after which the most lines of the two stanzas, counted back from
 * each stanza's end, have equal lengths (the nearer the middle among equals). With fewer than two
 * such lines (one, for forms of 40 characters or more) the form is read as one stanza.
 */
final class StanzaBreak {

    static final double LOWEST_SHARE = 0.4;
    static final double HIGHEST_SHARE = 0.6;
    static final int LONG_FORM = 40;

    private StanzaBreak() {}

    /** Lines of the first stanza; 0 for a form of one stanza. */
    static int of(List<TuneLine> lines) {
        int total = lines.stream().mapToInt(TuneLine::length).sum();
        int best = 0;
        int bestRun = -1;
        double bestOffset = Double.MAX_VALUE;
        int before = 0;
        for (int k = 1; k < lines.size(); k++) {
            before += lines.get(k - 1).length();
            double share = (double) before / total;
            if (!lines.get(k - 1).rhymes() || share < LOWEST_SHARE || share > HIGHEST_SHARE) {
                continue;
            }
            int run = matchingFromTheEnd(lines, k);
            double offset = Math.abs(share - 0.5);
            if (run > bestRun || (run == bestRun && offset < bestOffset)) {
                best = k;
                bestRun = run;
                bestOffset = offset;
            }
        }
        boolean enough = bestRun >= 2 || (bestRun >= 1 && total >= LONG_FORM);
        return enough ? best : 0;
    }

    /** How many lines of lines[0, k) and lines[k, n), paired from each end, have equal lengths. */
    private static int matchingFromTheEnd(List<TuneLine> lines, int k) {
        int matching = 0;
        for (int j = 1; j <= Math.min(k, lines.size() - k); j++) {
            if (lines.get(k - j).length() == lines.get(lines.size() - j).length()) {
                matching++;
            }
        }
        return matching;
    }
}
