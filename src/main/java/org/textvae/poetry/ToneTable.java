package org.textvae.poetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;
import org.textvae.io.IoErrors;

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
        InputStream in = ToneTable.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, RESOURCE + ": not on the class path");
        }
        try (in) {
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, RESOURCE + ": " + IoErrors.reason(e), e);
        }
    }

    /** Reads a table file. */
    public static ToneTable read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot read " + path + ": " + IoErrors.reason(e), e);
        }
    }

    private static ToneTable parse(InputStream in, String source) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> comments = new ArrayList<>();
        List<CharacterEntry> rows = new ArrayList<>();
        String line;
        int number = 0;
        boolean header = false;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!header) {
                if (!line.equals(HEADER)) {
                    throw bad(source, number, "expected the header '" + HEADER + "'");
                }
                header = true;
            } else {
                rows.add(row(source, number, line));
            }
        }
        if (!header) {
            throw bad(source, number, "no header; is this a tone table?");
        }
        try {
            return new ToneTable(rows, comments);
        } catch (IllegalArgumentException e) {
            throw bad(source, number, e.getMessage());
        }
    }

    private static CharacterEntry row(String source, int number, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6 || f[0].codePointCount(0, f[0].length()) != 1) {
            throw bad(source, number, "expected 6 tab-separated fields, the first one character");
        }
        try {
            List<String> groups = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(" "));
            return new CharacterEntry(
                    f[0].codePointAt(0),
                    Tone.ofMark(f[1]),
                    groups,
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    f[5]);
        } catch (IllegalArgumentException e) {
            throw bad(source, number, e.getMessage());
        }
    }

    private static TextvaeException bad(String source, int line, String why) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT,
                source + ":" + line + ": not a tone table (" + why + ")");
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
        StringBuilder out = new StringBuilder();
        comments.forEach(c -> out.append("# ").append(c).append('\n'));
        out.append(HEADER).append('\n');
        for (CharacterEntry e : entries.values()) {
            out.append(e.character()).append('\t').append(e.tone().mark()).append('\t');
            out.append(String.join(" ", e.groups())).append('\t');
            out.append(e.pingMarks()).append('\t').append(e.zeMarks()).append('\t');
            out.append(e.from()).append('\n');
        }
        return out.toString();
    }

    /** Writes the table atomically. */
    public void write(Path out) {
        byte[] bytes = format().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(out, stream -> stream.write(bytes));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }
}
