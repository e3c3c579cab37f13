package org.textvae.poetry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a poem against the rules of regulated verse: form (4 or 8 lines, all of 5 or all of 7
 * characters); rhyme (the even lines, and the first when it ends in 平, in one 平聲 group); and tones,
 * both line by line (each line fits one of the four {@link LinePattern}s) and strictly (the whole
 * poem follows the pattern its first line sets: each couplet's lines opposed (對), each couplet
 * glued to the one before (粘), even lines ending 平 and odd lines after the first ending 仄). A
 * character of either tone, or one the table lacks, satisfies any requirement.
 */
public final class RegulatedVerseScorer {

    private final ToneTable table;

    public RegulatedVerseScorer(ToneTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Scores one poem. */
    public PoemScore score(Poem poem) {
        VerseForm form = VerseForm.of(poem).orElse(null);
        List<int[]> lines = poem.lines().stream().map(l -> l.codePoints().toArray()).toList();
        int checked = 0;
        int fitting = 0;
        int isolated = 0;
        int tail = 0;
        int characters = 0;
        int unknown = 0;
        for (int[] line : lines) {
            characters += line.length;
            for (int cp : line) {
                unknown += table.covers(cp) ? 0 : 1;
            }
            if (line.length == 5 || line.length == 7) {
                checked++;
                fitting += LinePattern.fitsAny(line, table) ? 1 : 0;
                isolated += TonalFaults.isolatedLevel(line, table) ? 1 : 0;
                tail += TonalFaults.threeLevelTail(line, table) ? 1 : 0;
            }
        }
        boolean regular = form != null;
        int couplets = regular ? lines.size() / 2 : 0;
        int joins = regular ? couplets - 1 : 0;
        int opposed = 0;
        int glued = 0;
        for (int c = 0; c < couplets; c++) {
            opposed += agree(lines.get(2 * c), lines.get(2 * c + 1), true) ? 1 : 0;
            if (c > 0) {
                glued += agree(lines.get(2 * c - 1), lines.get(2 * c), false) ? 1 : 0;
            }
        }
        return new PoemScore(
                form,
                regular && rhymes(lines),
                regular && followsOnePattern(lines),
                checked,
                fitting,
                couplets,
                opposed,
                joins,
                glued,
                isolated,
                tail,
                characters,
                unknown);
    }

    /**
     * Whether two lines differ ({@code opposite}) or agree in tone at the 2nd, 4th (and 6th)
     * characters.
     */
    private boolean agree(int[] a, int[] b, boolean opposite) {
        for (int i = 1; i < a.length - 1; i += 2) {
            Tone x = table.toneOf(a[i]);
            Tone y = table.toneOf(b[i]);
            if (!x.allows(opposite ? y.opposite() : y)) {
                return false;
            }
        }
        return true;
    }

    private boolean followsOnePattern(List<int[]> lines) {
        for (LinePattern first : LinePattern.values()) {
            if (follows(lines, first)) {
                return true;
            }
        }
        return false;
    }

    private boolean follows(List<int[]> lines, LinePattern first) {
        LinePattern pattern = first;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                pattern = i % 2 == 1 ? pattern.couplet() : pattern.glued();
            }
            if (!pattern.fits(lines.get(i), table)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the even lines' last characters share a 平聲 group, with the first line's when it ends
     * in 平. A first line ending in a character of either tone rhymes if that keeps a shared group,
     * and is read as 仄 (not rhyming) otherwise.
     */
    private boolean rhymes(List<int[]> lines) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 2) {
            ends.add(last(lines.get(i)));
        }
        Set<String> shared = sharedGroups(ends);
        int first = last(lines.get(0));
        Tone firstTone = table.toneOf(first);
        if (shared.isEmpty() || !table.covers(first) || firstTone == Tone.ZE) {
            return !shared.isEmpty();
        }
        shared.retainAll(table.groupsOf(first));
        return !shared.isEmpty() || firstTone == Tone.EITHER;
    }

    private Set<String> sharedGroups(List<Integer> characters) {
        Set<String> shared = null;
        for (int cp : characters) {
            List<String> groups = table.groupsOf(cp);
            if (shared == null) {
                shared = new HashSet<>(groups);
            } else {
                shared.retainAll(groups);
            }
        }
        return shared == null ? new HashSet<>() : shared;
    }

    private static int last(int[] line) {
        return line[line.length - 1];
    }
}
