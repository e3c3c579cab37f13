package org.textvae.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.textvae.TextvaeException;
import org.textvae.io.FileKind;

/**
 * Reads a corpus file. Files named {@code *.csv} or {@code *.csv.gz} are CSV with a header row, a
 * required {@code text} column and an optional {@code split} column (train/valid/test; without it
 * every row is training data). Any other file is UTF-8 text with one sentence per line, all of it
 * training data. A {@code .gz} suffix means gzip. Lines are stripped of surrounding whitespace;
 * blank lines, lines that are not valid UTF-8 and CSV rows short of a field are skipped and counted
 * in {@link Corpus#skipped()}; a file where more than 1% of the lines are not UTF-8 is refused, and
 * so is a CSV row with more fields than the header (an unquoted comma would cut its sentence), and
 * a text file whose first line is a CSV header (a CSV under another name).
 */
public final class CorpusReader {

    /** The header of a corpus CSV, comma- or tab-separated, in either column order. */
    private static final Pattern CSV_HEADER =
            Pattern.compile("(?i)\\W?(text\\W?[,\\t]\\W?split|split\\W?[,\\t]\\W?text)\\W?");

    private CorpusReader() {}

    /**
     * Reads the corpus at {@code path}.
     *
     * @throws TextvaeException IO if the file cannot be read, INPUT if its content is unusable
     */
    public static Corpus read(Path path) {
        if (Files.isDirectory(path)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    path + " is a folder; --corpus takes a corpus file (.txt, .csv or .csv.gz)");
        }
        String special = FileKind.ofSpecial(path);
        if (special != null) {
            throw notRegular(path, special, "--corpus");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    path + ": no such readable file; check the --corpus path");
        }
        try (InputStream in = open(path)) {
            return isCsv(path) ? CsvCorpusReader.read(path, in) : readText(path, in);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A pipe or device given as a corpus file. A corpus is read more than once (train hashes it
     * into manifest.json, and --resume reads it again), which a stream cannot give.
     */
    public static TextvaeException notRegular(Path path, String kind, String option) {
        String what =
                kind.startsWith("a ") ? " is " + kind + ", not a regular file" : " is " + kind;
        return new TextvaeException(
                TextvaeException.Kind.IO,
                path
                        + what
                        + "; "
                        + option
                        + " needs a regular file, since a corpus is read more than once (train"
                        + " records its SHA-256, --resume reads it again): save it to a file first");
    }

    static boolean isCsv(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** Opens the file, decompressing when its name ends in {@code .gz}. */
    static InputStream open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return raw;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    path
                            + ": not gzip data ("
                            + e.getMessage()
                            + "); drop the .gz suffix or gzip it",
                    e);
        }
    }

    /**
     * Splits the raw bytes at '\n' and decodes each line on its own, so one bad line costs only
     * itself and the error position is known.
     */
    private static Corpus readText(Path path, InputStream in) throws IOException {
        CorpusAccumulator corpus = new CorpusAccumulator();
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int lineNumber = 0;
        boolean more = true;
        while (more) {
            more = readLine(in, line);
            if (!more && line.size() == 0) {
                break;
            }
            lineNumber++;
            String text = decode(decoder, line.toByteArray(), path, lineNumber);
            line.reset();
            if (text == null) {
                corpus.skipUndecodable(lineNumber);
            } else if (text.isBlank()) {
                corpus.skip();
            } else if (lineNumber == 1 && CSV_HEADER.matcher(text.strip()).matches()) {
                // Read as text, the header would be a sentence and ",train" a word of each row.
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        path
                                + ":1: '"
                                + text.strip()
                                + "' is a CSV header, but only files named .csv or .csv.gz are"
                                + " read as CSV; rename the file");
            } else {
                corpus.add(Split.TRAIN, text.strip());
            }
        }
        return corpus.build(path, false);
    }

    /** Reads bytes up to and excluding the next '\n'; returns false at the end of the input. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return true;
            }
            line.write(b);
        }
        return false;
    }

    /** Returns the decoded line, or null if it is not valid UTF-8. */
    private static String decode(CharsetDecoder decoder, byte[] bytes, Path path, int lineNumber) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        path + ":" + lineNumber + ": NUL byte, not a text file; give UTF-8 text");
            }
        }
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
            // A byte order mark is an encoding artifact, not part of the first sentence.
            return lineNumber == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
