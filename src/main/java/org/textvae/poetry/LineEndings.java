package org.textvae.poetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each character ends a line, from a corpus of poems: a character that rarely ends a line
 * (under {@link #RARE} of its uses) at the end of a generated line is the mark of a longer line cut
 * short. A poem whose lines the model means to end where they do has no more of them than real
 * poems.
 */
public final class LineEndings {

    /** Below this share of its uses at a line's end, a character rarely ends a line. */
    public static final double RARE = 0.02;

    private final Map<Integer, int[]> counts = new HashMap<>();

    /** Counts the characters of {@code poems}: uses, and uses at a line's end. */
    public LineEndings(List<Poem> poems) {
        for (Poem poem : poems) {
            for (String line : poem.lines()) {
                int[] cps = line.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    int[] c = counts.computeIfAbsent(cps[i], k -> new int[2]);
                    c[0]++;
                    if (i == cps.length - 1) {
                        c[1]++;
                    }
                }
            }
        }
    }

    /** Whether a character rarely ends a line; one never seen does not count as rare. */
    public boolean rarelyEnds(int codePoint) {
        int[] c = counts.get(codePoint);
        return c != null && c[1] < RARE * c[0];
    }

    /** The share of lines of {@code poems} that end in a character that rarely ends a line. */
    public double rareEndingShare(List<Poem> poems) {
        int lines = 0;
        int rare = 0;
        for (Poem poem : poems) {
            for (String line : poem.lines()) {
                lines++;
                rare += rarelyEnds(line.codePointBefore(line.length())) ? 1 : 0;
            }
        }
        return lines == 0 ? Double.NaN : (double) rare / lines;
    }
}
