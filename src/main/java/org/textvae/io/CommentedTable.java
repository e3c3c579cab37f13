package org.textvae.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.textvae.TextvaeException;

/**
 * A tab-separated table with {@code #} comment lines on top and a fixed header, as the data tables
 * packed into the jar are kept: read from the class path or a file, every bad row refused with its
 * source and line number, written atomically.
 *
 * @param <R> what one row reads as
 */
public final class CommentedTable<R> {

    /**
     * What a file held.
     *
     * @param comments comment lines, without their {@code #}
     * @param rows the rows, in file order
     */
    public record Content<R>(List<String> comments, List<R> rows) {}

    private final String header;
    private final String what;
    private final Function<String[], R> row;

    /**
     * @param header the header line, its fields separated by tabs
     * @param what what the table is, for errors ("a tone table")
     * @param row reads one row's fields (as many as the header's), throwing
     *     IllegalArgumentException for values it refuses
     */
    public CommentedTable(String header, String what, Function<String[], R> row) {
        this.header = header;
        this.what = what;
        this.row = row;
    }

    /** Reads the table at {@code resource} on {@code owner}'s class path. */
    public Content<R> bundled(Class<?> owner, String resource) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, resource + ": not on the class path");
        }
        try (in) {
            return parse(in, resource);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, resource + ": " + IoErrors.reason(e), e);
        }
    }

    /** Reads a table file. */
    public Content<R> read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot read " + path + ": " + IoErrors.reason(e), e);
        }
    }

    private Content<R> parse(InputStream in, String source) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int fields = header.split("\t").length;
        List<String> comments = new ArrayList<>();
        List<R> rows = new ArrayList<>();
        String line;
        int number = 0;
        boolean headerSeen = false;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!headerSeen) {
                if (!line.equals(header)) {
                    throw bad(source, number, "expected the header '" + header + "'");
                }
                headerSeen = true;
            } else {
                String[] f = line.split("\t", -1);
                if (f.length != fields) {
                    throw bad(source, number, "expected " + fields + " tab-separated fields");
                }
                try {
                    rows.add(row.apply(f));
                } catch (IllegalArgumentException e) {
                    throw bad(source, number, e.getMessage());
                }
            }
        }
        if (!headerSeen) {
            throw bad(source, number, "no header; is this " + what + "?");
        }
        return new Content<>(comments, rows);
    }

    /**
     * The refusal of a table whose rows were each read but do not make a table together (a key
     * twice, say).
     */
    public TextvaeException refused(String source, String why) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT, source + ": not " + what + " (" + why + ")");
    }

    private TextvaeException bad(String source, int line, String why) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT,
                source + ":" + line + ": not " + what + " (" + why + ")");
    }

    /** The file's text: the comments, each after "# ", the header, then the rows' lines. */
    public String format(List<String> comments, List<String> rowLines) {
        StringBuilder out = new StringBuilder();
        comments.forEach(c -> out.append("# ").append(c).append('\n'));
        out.append(header).append('\n');
        rowLines.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    /** Writes {@code text} to {@code out} atomically. */
    public static void write(Path out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(out, stream -> stream.write(bytes));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }
}
