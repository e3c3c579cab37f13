package org.textvae.train;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.textvae.io.AtomicFiles;

/**
 * The run's metrics.csv: one row per logged training step and per validation, appended and flushed
 * a whole row at a time so the file stays parseable if the process is killed.
 */
public final class MetricsLog implements AutoCloseable {

    /** The columns, in order. */
    public static final String[] HEADER = {
        "phase",
        "step",
        "epoch",
        "beta",
        "reconstruction",
        "kl",
        "loss",
        "perplexity",
        "active_units",
        "grad_norm",
        "tokens_per_s",
        "seconds",
        "tc",
        "discriminator_loss"
    };

    private final Writer out;

    private MetricsLog(Writer out) {
        this.out = out;
    }

    /**
     * Opens the log for appending. Rows beyond {@code keepUpToStep} (written after the checkpoint a
     * run resumes from) are dropped first, so the resumed log matches an uninterrupted one.
     */
    public static MetricsLog open(Path file, long keepUpToStep) throws IOException {
        if (Files.exists(file)) {
            truncate(file, keepUpToStep);
        } else {
            AtomicFiles.writeString(file, row(HEADER));
        }
        return new MetricsLog(
                Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    private static void truncate(Path file, long keepUpToStep) throws IOException {
        List<String[]> kept = new ArrayList<>();
        try (CSVReader reader =
                new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (String[] fields : reader.readAll()) {
                if (kept.isEmpty() || isKept(fields, keepUpToStep)) {
                    kept.add(fields);
                }
            }
        } catch (CsvException e) {
            throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder();
        kept.forEach(fields -> text.append(row(fields)));
        AtomicFiles.writeString(file, text.toString());
    }

    private static boolean isKept(String[] fields, long keepUpToStep) {
        try {
            return fields.length == HEADER.length && Long.parseLong(fields[1]) <= keepUpToStep;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Appends one row; values are written as given (numbers via {@link String#valueOf}). */
    public void append(Object... values) {
        String[] fields = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            fields[i] = String.valueOf(values[i]);
        }
        try {
            out.write(row(fields));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String[] fields) {
        StringWriter text = new StringWriter();
        try (CSVWriter writer =
                new CSVWriter(
                        text,
                        ICSVWriter.DEFAULT_SEPARATOR,
                        ICSVWriter.NO_QUOTE_CHARACTER,
                        ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
                        "\n")) {
            writer.writeNext(fields, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
