package org.textvae.eval;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.textvae.TextvaeException;

/**
 * A run's {@code metrics.csv} read back by column name (the training loop writes it; see {@code
 * train.MetricsLog}), for plotting. Empty cells read as NaN; rows cut short by a kill are skipped.
 */
public final class MetricsTable {

    private final List<String> header;
    private final List<String[]> rows;

    private MetricsTable(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads a metrics file. */
    public static MetricsTable read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader reader = new CSVReader(in)) {
            List<String[]> all = reader.readAll();
            if (all.isEmpty()) {
                throw new TextvaeException(TextvaeException.Kind.INPUT, file + " is empty");
            }
            List<String> header = List.of(all.get(0));
            List<String[]> rows = new ArrayList<>();
            for (String[] row : all.subList(1, all.size())) {
                if (row.length == header.size()) {
                    rows.add(row);
                }
            }
            return new MetricsTable(header, rows);
        } catch (CharacterCodingException | CsvException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    file + " is not a metrics.csv written by textvae train (not UTF-8 CSV)",
                    e);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether any row has the phase {@code phase} ("train" or "valid"). */
    public boolean hasRows(String phase) {
        int phaseIndex = index("phase");
        return rows.stream().anyMatch(row -> row[phaseIndex].equals(phase));
    }

    /** The values of {@code column} in the rows whose phase is {@code phase}. */
    public double[] column(String phase, String column) {
        int phaseIndex = index("phase");
        int index = index(column);
        return rows.stream()
                .filter(row -> row[phaseIndex].equals(phase))
                .mapToDouble(row -> parse(row[index]))
                .toArray();
    }

    private int index(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "metrics.csv has no column " + column + "; is it from this textvae?");
        }
        return index;
    }

    private static double parse(String cell) {
        try {
            return cell.isBlank() ? Double.NaN : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
