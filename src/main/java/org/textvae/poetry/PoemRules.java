package org.textvae.poetry;

import java.util.List;
import java.util.Set;
import org.textvae.vocab.Vocabulary;

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

    /**
     * Characters a line of {@code length} must change to keep {@code rule}; a line of another
     * length, more than any.
     */
    int changesNeeded(String text, VerseMasks.Line rule, int length, Vocabulary vocabulary) {
        int[] line = text.codePoints().toArray();
        if (line.length != length) {
            return length + 1;
        }
        Tone[] safe = rule.tones(length);
        int changes = 0;
        if (rule.head() >= 0 && vocabulary.id(Character.toString(line[0])) != rule.head()) {
            changes++;
        }
        for (int i = 0; i < length; i++) {
            boolean keeps = table.covers(line[i]) && table.toneOf(line[i]).allows(safe[i]);
            changes += keeps ? 0 : 1;
        }
        if (rule.rhyme().rhymes()) {
            int last = line[length - 1];
            List<String> groups = table.groupsOf(last);
            boolean rhymes =
                    table.toneOf(last).allows(Tone.PING)
                            && (rule.rhyme().group() == null
                                    ? !groups.isEmpty()
                                    : groups.contains(rule.rhyme().group()));
            changes += rhymes ? 0 : 1;
        }
        return changes;
    }
}
