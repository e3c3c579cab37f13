package org.textvae.poetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.textvae.io.CommentedTable;

/**
 * Tone class and 平水韻 rhyme groups per character, read from a tab-separated file: comment lines
 * starting with {@code #}, a header {@code char tone groups ping ze from}, then one row per
 * character in code-point order; groups are separated by spaces. The bundled table is built by
 * {@code textvae corpus tones} (see docs/poetry.md).
 */
public final class ToneTable {

    /** Where the bundled table lies on the class path. */
    public static final String RESOURCE = "/org/textvae/poetry/tones.tsv";

    static final String HEADER = "char\ttone\tgroups\tping\tze\tfrom";

    private static final CommentedTable<CharacterEntry> FILE =
            new CommentedTable<>(HEADER, "a tone table", ToneTable::row);

    private final Map<Integer, CharacterEntry> entries;
    private final List<String> comments;

    /** Makes a table of the given rows, with comment lines (without their {@code #}) on top. */
    public ToneTable(Collection<CharacterEntry> rows, List<String> comments) {
        Map<Integer, CharacterEntry> map = new TreeMap<>();
        for (CharacterEntry row : rows) {
            if (map.put(row.codePoint(), row) != null) {
                throw new IllegalArgumentException("character twice: " + row.character());
            }
        }
        this.entries = Collections.unmodifiableMap(map);
        this.comments = List.copyOf(comments);
    }

    /** Returns the table packed into the jar. */
    public static ToneTable bundled() {
        return of(FILE.bundled(ToneTable.class, RESOURCE), RESOURCE);
    }

    /** Reads a table file. */
    public static ToneTable read(Path path) {
        return of(FILE.read(path), path.toString());
    }

    private static ToneTable of(CommentedTable.Content<CharacterEntry> content, String source) {
        try {
            return new ToneTable(content.rows(), content.comments());
        } catch (IllegalArgumentException e) {
            throw FILE.refused(source, e.getMessage());
        }
    }

    private static CharacterEntry row(String[] f) {
        if (f[0].codePointCount(0, f[0].length()) != 1) {
            throw new IllegalArgumentException("the first field must be one character");
        }
        List<String> groups = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(" "));
        return new CharacterEntry(
                f[0].codePointAt(0),
                Tone.ofMark(f[1]),
                groups,
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                f[5]);
    }

    /** Returns a character's row, if the table has one. */
    public Optional<CharacterEntry> entry(int codePoint) {
        return Optional.ofNullable(entries.get(codePoint));
    }

    /** Returns the tone of a character, or {@link Tone#EITHER} for one the table lacks. */
    public Tone toneOf(int codePoint) {
        CharacterEntry entry = entries.get(codePoint);
        return entry == null ? Tone.EITHER : entry.tone();
    }

    /** Whether the table has a row for the character. */
    public boolean covers(int codePoint) {
        return entries.containsKey(codePoint);
    }

    /** Returns a character's 平聲 rhyme groups (empty when it has none or is unknown). */
    public List<String> groupsOf(int codePoint) {
        CharacterEntry entry = entries.get(codePoint);
        return entry == null ? List.of() : entry.groups();
    }

    /** Returns the rows in code-point order. */
    public Collection<CharacterEntry> entries() {
        return entries.values();
    }

    /** Returns the file's text: the same bytes for the same rows and comments. */
    public String format() {
        List<String> rows = new ArrayList<>(entries.size());
        for (CharacterEntry e : entries.values()) {
            rows.add(
                    String.join(
                            "\t",
                            e.character(),
                            e.tone().mark(),
                            String.join(" ", e.groups()),
                            Integer.toString(e.pingMarks()),
                            Integer.toString(e.zeMarks()),
                            e.from()));
        }
        return FILE.format(comments, rows);
    }

    /** Writes the table atomically. */
    public void write(Path out) {
        CommentedTable.write(out, format());
    }
}
