package org.textvae.corpus;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.zip.GZIPOutputStream;
import org.textvae.TextvaeException;
import org.textvae.io.IoErrors;

/**
 * Writes a corpus as gzip-compressed CSV ({@code text,split}, UTF-8, "\n" line ends) in the form
 * {@link CorpusReader} reads. The bytes depend only on the lines: each line's split comes from
 * {@link DeterministicSplit} and the gzip header carries no timestamp. The file is written beside
 * the target and renamed into place, so a crash never leaves half a corpus behind.
 */
final class CorpusCsvWriter {

    private CorpusCsvWriter() {}

    static void write(Path out, Collection<String> lines) {
        Path dir = out.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // A fixed sibling name keeps the usual file permissions (createTempFile would make it
            // private).
            temp = out.resolveSibling(out.getFileName() + ".tmp");
            try (OutputStream file = Files.newOutputStream(temp);
                    GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16);
                    Writer writer =
                            new BufferedWriter(
                                    new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
                    ICSVWriter csv =
                            new CSVWriter(
                                    writer,
                                    ICSVWriter.DEFAULT_SEPARATOR,
                                    ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                                    ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
                                    "\n")) {
                csv.writeNext(new String[] {"text", "split"}, false);
                for (String line : lines) {
                    csv.writeNext(new String[] {line, DeterministicSplit.of(line).label()}, false);
                }
            }
            Files.move(
                    temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The original error is the one worth reporting.
            }
        }
    }
}
