package org.textvae.corpus;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;
import org.textvae.io.IoErrors;
import org.textvae.poetry.Poem;

/**
 * The poem corpus file: gzip-compressed CSV, UTF-8, "\n" line ends, header {@code
 * id,title,author,lines,split}, a poem's lines joined by {@code /}. Its split is {@link
 * DeterministicSplit} of that joined text, so a poem's lines all lie in one split. Written
 * atomically, with no timestamp in the gzip header, so the bytes depend on the poems alone.
 */
public final class PoemCorpusFile {

    static final String[] HEADER = {"id", "title", "author", "lines", "split"};

    /** One poem and the split it belongs to. */
    public record Entry(Poem poem, Split split) {}

    private PoemCorpusFile() {}

    /** Returns the split of a poem: a pure function of its text. */
    public static Split splitOf(Poem poem) {
        return DeterministicSplit.of(poem.text());
    }

    static void write(Path out, List<Poem> poems) {
        try {
            AtomicFiles.write(out, file -> writeGzipped(file, poems));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }

    private static void writeGzipped(OutputStream file, List<Poem> poems) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        ICSVWriter csv =
                new CSVWriter(
                        writer,
                        ICSVWriter.DEFAULT_SEPARATOR,
                        ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                        ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                        "\n");
        csv.writeNext(HEADER, false);
        for (Poem poem : poems) {
            csv.writeNext(
                    new String[] {
                        poem.id(), poem.title(), poem.author(), poem.text(), splitOf(poem).label()
                    },
                    false);
        }
        csv.flush();
        gzip.finish(); // AtomicFiles syncs and closes the file itself
    }

    /**
     * Reads every poem of a poem corpus file.
     *
     * @throws TextvaeException IO if it cannot be read, INPUT if it is not a poem corpus
     */
    public static List<Entry> read(Path path) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16);
                CSVReader csv =
                        new CSVReaderBuilder(new InputStreamReader(in, StandardCharsets.UTF_8))
                                .withCSVParser(new RFC4180ParserBuilder().build())
                                .build()) {
            String[] header = csv.readNext();
            if (!Arrays.equals(header, HEADER)) {
                throw bad(path, 1, "expected the header " + String.join(",", HEADER));
            }
            List<Entry> entries = new ArrayList<>();
            String[] row;
            while ((row = csv.readNext()) != null) {
                entries.add(entry(path, csv.getLinesRead(), row));
            }
            return entries;
        } catch (CsvException e) {
            throw bad(path, e.getLineNumber(), "broken CSV (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (Files.isReadable(path)) {
                throw bad(
                        path, 0, "not a gzip-compressed poem corpus (" + IoErrors.reason(e) + ")");
            }
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot read " + path + ": " + IoErrors.reason(e), e);
        }
    }

    private static Entry entry(Path path, long line, String[] row) {
        if (row.length != HEADER.length) {
            throw bad(path, line, row.length + " fields where the header has " + HEADER.length);
        }
        Split split = Split.fromLabel(row[4]);
        if (split == null) {
            throw bad(path, line, "split '" + row[4] + "' is not train, valid or test");
        }
        try {
            Poem poem =
                    new Poem(
                            row[0], row[1], row[2], List.of(row[3].split(Poem.LINE_SEPARATOR, -1)));
            return new Entry(poem, split);
        } catch (IllegalArgumentException e) {
            throw bad(path, line, e.getMessage());
        }
    }

    private static TextvaeException bad(Path path, long line, String why) {
        return new TextvaeException(TextvaeException.Kind.INPUT, path + ":" + line + ": " + why);
    }
}
