package org.textvae.ci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textvae.io.CommentedTable;
import org.textvae.poetry.Tone;

/**
 * The rhyme groups of Song ci, by character: found from the rhymes of the corpus's ci (see {@code
 * corpus.CiRhymeBuilder}), 平 and 仄 apart, as ci practice groups rhymes more broadly than the 平水韻 of
 * regulated verse. A character with two readings may be in two groups.
 */
public final class CiRhymes {

    /** Where the bundled table lies on the class path. */
    public static final String RESOURCE = "/org/textvae/ci/rhymes.tsv";

    static final String HEADER = "char\ttone\tgroups";

    private static final CommentedTable<Row> FILE =
            new CommentedTable<>(HEADER, "a ci rhyme table", CiRhymes::row);

    private record Row(int codePoint, Tone tone, List<String> groups) {}

    private final Map<Integer, List<String>> groupsOf;
    private final Map<Integer, Tone> tones;
    private final Map<String, List<Integer>> members;
    private final List<String> comments;

    /**
     * @param groupsOf each character's groups, its own first, in the order the file lists them
     *     (group by group, most used first)
     * @param tones each character's tone (平, 仄, or either), as the tone table has it
     * @param comments comment lines, without their {@code #}
     */
    public CiRhymes(
            Map<Integer, List<String>> groupsOf, Map<Integer, Tone> tones, List<String> comments) {
        if (!tones.keySet().equals(groupsOf.keySet())) {
            throw new IllegalArgumentException("every character needs a tone and a group");
        }
        this.tones = Map.copyOf(tones);
        Map<Integer, List<String>> copy = new LinkedHashMap<>();
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        groupsOf.forEach(
                (c, groups) -> {
                    if (groups.isEmpty()) {
                        throw new IllegalArgumentException("no group for " + Character.toString(c));
                    }
                    copy.put(c, List.copyOf(groups));
                    groups.forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(c));
                });
        this.groupsOf = Collections.unmodifiableMap(copy);
        Map<String, List<Integer>> frozen = new LinkedHashMap<>();
        byGroup.forEach((g, m) -> frozen.put(g, List.copyOf(m)));
        this.members = Collections.unmodifiableMap(frozen);
        this.comments = List.copyOf(comments);
    }

    /** Returns the table packed into the jar. */
    public static CiRhymes bundled() {
        return of(FILE.bundled(CiRhymes.class, RESOURCE), RESOURCE);
    }

    /** Reads a table file. */
    public static CiRhymes read(Path path) {
        return of(FILE.read(path), path.toString());
    }

    private static CiRhymes of(CommentedTable.Content<Row> content, String source) {
        Map<Integer, List<String>> groupsOf = new LinkedHashMap<>();
        Map<Integer, Tone> tones = new LinkedHashMap<>();
        for (Row row : content.rows()) {
            tones.put(row.codePoint(), row.tone());
            if (groupsOf.put(row.codePoint(), row.groups()) != null) {
                throw FILE.refused(
                        source, "character twice: " + Character.toString(row.codePoint()));
            }
        }
        try {
            return new CiRhymes(groupsOf, tones, content.comments());
        } catch (IllegalArgumentException e) {
            throw FILE.refused(source, e.getMessage());
        }
    }

    private static Row row(String[] f) {
        if (f[0].codePointCount(0, f[0].length()) != 1) {
            throw new IllegalArgumentException("the first field must be one character");
        }
        return new Row(f[0].codePointAt(0), Tone.ofMark(f[1]), Arrays.asList(f[2].split(" ")));
    }

    /** A character's groups, its own first; empty for one never seen rhyming. */
    public List<String> groupsOf(int codePoint) {
        return groupsOf.getOrDefault(codePoint, List.of());
    }

    /** A rhyming character's tone; either for a character never seen rhyming. */
    public Tone toneOf(int codePoint) {
        return tones.getOrDefault(codePoint, Tone.EITHER);
    }

    /** Every character that rhymes, with its groups, in the table's order. */
    public Map<Integer, List<String>> groupsOfAll() {
        return groupsOf;
    }

    /** Whether two characters share a group. */
    public boolean rhyme(int a, int b) {
        List<String> other = groupsOf(b);
        return groupsOf(a).stream().anyMatch(other::contains);
    }

    /** The groups and their characters, in the table's order. */
    public Map<String, List<Integer>> groups() {
        return members;
    }

    /** The file's text: the same bytes for the same rows and comments. */
    public String format() {
        List<String> rows = new ArrayList<>(groupsOf.size());
        groupsOf.forEach(
                (c, groups) ->
                        rows.add(
                                Character.toString(c)
                                        + "\t"
                                        + tones.get(c).mark()
                                        + "\t"
                                        + String.join(" ", groups)));
        return FILE.format(comments, rows);
    }

    /** Writes the table atomically. */
    public void write(Path out) {
        CommentedTable.write(out, format());
    }
}
