package org.textvae.corpus;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;
import org.textvae.io.IoErrors;

/**
 * Writes a corpus as gzip-compressed CSV ({@code text,split}, UTF-8, "\n" line ends) in the form
 * {@link CorpusReader} reads. The bytes depend only on the lines and the split function given
 * (normally {@link DeterministicSplit}); the gzip header carries no timestamp. The file is written
 * beside the target and renamed into place, so a crash never leaves half a corpus behind.
 */
final class CorpusCsvWriter {

    private CorpusCsvWriter() {}

    static void write(Path out, Collection<String> lines, Function<String, Split> split) {
        try {
            AtomicFiles.write(out, file -> writeGzippedCsv(file, lines, split));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }

    /**
     * Writes the header and rows, gzipped, and finishes the gzip stream; {@code file} stays open.
     */
    private static void writeGzippedCsv(
            OutputStream file, Collection<String> lines, Function<String, Split> split)
            throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        ICSVWriter csv =
                new CSVWriter(
                        writer,
                        ICSVWriter.DEFAULT_SEPARATOR,
                        ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                        ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
                        "\n");
        csv.writeNext(new String[] {"text", "split"}, false);
        for (String line : lines) {
            csv.writeNext(new String[] {line, split.apply(line).label()}, false);
        }
        csv.flush();
        // Not close(): AtomicFiles syncs and closes the file itself.
        gzip.finish();
    }
}
