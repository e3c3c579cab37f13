package org.textvae.corpus;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.textvae.TextvaeException;

/**
 * Reads the CSV corpus format: a header row, a {@code text} column, an optional {@code split}
 * column. RFC 4180 quoting (doubled quotes, no backslash escapes) so that backslashes in sentences
 * survive; this is also what {@link CorpusCsvWriter} writes.
 */
final class CsvCorpusReader {

    /**
     * Stands in for undecodable bytes. A noncharacter never occurs in real sentences, so a row
     * containing it is known to have been invalid UTF-8 and is skipped.
     */
    private static final String INVALID = "\uFFFF";

    private CsvCorpusReader() {}

    static Corpus read(Path path, InputStream in) throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(INVALID);
        Reader reader = withoutByteOrderMark(new InputStreamReader(in, decoder));
        try (CSVReader csv =
                new CSVReaderBuilder(reader)
                        .withCSVParser(new RFC4180ParserBuilder().build())
                        .build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw input(
                        path, 1, "empty file; the first line must be a header such as text,split");
            }
            requireNoNul(path, header, 1);
            int textColumn = column(header, "text");
            if (textColumn < 0) {
                throw input(
                        path,
                        1,
                        "no 'text' column in header "
                                + abbreviated(Arrays.toString(header))
                                + "; add a header row with a text column");
            }
            return readRows(path, csv, header.length, textColumn, column(header, "split"));
        } catch (CsvMalformedLineException e) {
            throw input(path, e.getLineNumber(), "broken CSV quoting; close every opened quote");
        } catch (CsvValidationException e) {
            throw input(path, e.getLineNumber(), "invalid CSV row (" + e.getMessage() + ")");
        }
    }

    /**
     * Skips a leading byte order mark, which would otherwise stand before a quoted header's opening
     * quote and break its quoting ({@code \uFEFF"text"}).
     */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static Corpus readRows(
            Path path, CSVReader csv, int columns, int textColumn, int splitColumn)
            throws IOException, CsvValidationException {
        CorpusAccumulator corpus = new CorpusAccumulator();
        String[] row;
        while ((row = csv.readNext()) != null) {
            requireNoNul(path, row, csv.getLinesRead());
            if (isInvalid(row)) {
                corpus.skipUndecodable(csv.getLinesRead());
                continue;
            }
            if (row.length > columns) {
                // An unquoted comma: reading on would keep the sentence up to it and lose the rest.
                throw input(
                        path,
                        csv.getLinesRead(),
                        row.length
                                + " fields where the header has "
                                + columns
                                + "; quote sentences that hold a comma (\"a, b\")");
            }
            if (row.length <= Math.max(textColumn, splitColumn)) {
                corpus.skip();
                continue;
            }
            String text = row[textColumn].strip();
            if (text.isEmpty()) {
                corpus.skip();
                continue;
            }
            Split split = Split.TRAIN;
            if (splitColumn >= 0) {
                split = Split.fromLabel(row[splitColumn]);
                if (split == null) {
                    throw input(
                            path,
                            csv.getLinesRead(),
                            "split '" + row[splitColumn] + "' is not train, valid or test");
                }
            }
            corpus.add(split, text);
        }
        return corpus.build(path, true);
    }

    /**
     * Refuses a NUL byte, quoted or not, as the plain-text reader does: it marks a binary file, and
     * inside a sentence it would become a character of the vocabulary.
     */
    private static void requireNoNul(Path path, String[] row, long line) {
        for (String field : row) {
            if (field.indexOf('\u0000') >= 0) {
                throw input(path, line, "NUL byte, not a text file; give UTF-8 text");
            }
        }
    }

    private static boolean isInvalid(String[] row) {
        for (String field : row) {
            if (field.contains(INVALID)) {
                return true;
            }
        }
        return false;
    }

    /** Finds a header column by name, ignoring case, spaces and a byte order mark. */
    private static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            String cell = header[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (cell.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static TextvaeException input(Path path, long line, String message) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT, path + ":" + line + ": " + message);
    }

    /** A header as it can appear in a one-line message: no line breaks, at most 80 characters. */
    private static String abbreviated(String header) {
        String flat = header.replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
