package org.textvae.poetry;

import java.util.Set;

/** What a poem's first line and rhyming lines tell of its pattern and rhyme group. */
final class PoemRules {

    private final ToneTable table;
    private final Set<String> groups;

    /**
     * @param groups the rhyme groups a poem can rhyme in
     */
    PoemRules(ToneTable table, Set<String> groups) {
        this.table = table;
        this.groups = Set.copyOf(groups);
    }

    /** The pattern a line (of 5 or 7 characters) breaks at the fewest fixed positions. */
    LinePattern closest(int[] line) {
        LinePattern best = null;
        int fewest = Integer.MAX_VALUE;
        for (LinePattern pattern : LinePattern.values()) {
            int mismatches = pattern.mismatches(line, table);
            if (mismatches < fewest) {
                best = pattern;
                fewest = mismatches;
            }
        }
        return best;
    }

    /** The group a line ends in, or null when its last character rhymes in none. */
    String groupOrNull(String line) {
        int last = line.codePointBefore(line.length());
        if (!table.toneOf(last).allows(Tone.PING)) {
            return null;
        }
        for (String group : table.groupsOf(last)) {
            if (groups.contains(group)) {
                return group;
            }
        }
        return null;
    }

    /** The group a rhyming line ends in: its last character's most used group. */
    String groupOf(String line) {
        int last = line.codePointBefore(line.length());
        for (String group : table.groupsOf(last)) {
            if (groups.contains(group)) {
                return group;
            }
        }
        throw new IllegalStateException("a rhyming line ends outside every group: " + line);
    }
}
