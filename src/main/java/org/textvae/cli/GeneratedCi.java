package org.textvae.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.textvae.ci.CiRhymes;
import org.textvae.ci.CiWriter;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneTable;
import org.textvae.ci.WrittenCi;
import org.textvae.eval.SampleDiversity;

/**
 * The figures of {@code ci --measure}: ci written to each of the most used tunes, with their form,
 * rhyme, novelty, variety and speed, one table row per tune.
 */
final class GeneratedCi {

    private final CiWriter writer;
    private final CiRhymes rhymes;
    private final Set<String> trainingLines;

    GeneratedCi(CiWriter writer, CiRhymes rhymes, Set<String> trainingLines) {
        this.writer = writer;
        this.rhymes = rhymes;
        this.trainingLines = trainingLines;
    }

    /** Writes {@code count} ci to each of the {@code tunes} most used tunes of known form. */
    void print(PrintWriter out, TuneTable table, int tunes, int count, long seed) {
        out.printf(
                "%,d ci for each of the %d most used tunes (seed %d); natural: ci whose every line"
                        + " the model ended at the tune's length (none forced); rhyme: rhyming"
                        + " lines that end in the ci's group; novel: lines not in the training"
                        + " lines%n",
                count, tunes, seed);
        out.println(
                "| tune | lines | natural | rhyme | novel | distinct-2 | lines redrawn | ci/s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        table.tunes().stream()
                .filter(Tune::formKnown)
                .limit(tunes)
                .forEach(tune -> row(out, tune, count, seed));
        out.flush();
    }

    private void row(PrintWriter out, Tune tune, int count, long seed) {
        long start = System.nanoTime();
        List<WrittenCi> written = writer.write(tune, count, null, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        int natural = 0;
        int rhyming = 0;
        int rhymed = 0;
        int redrawn = 0;
        List<String> lines = new ArrayList<>();
        for (WrittenCi ci : written) {
            natural += ci.forced() == 0 ? 1 : 0;
            redrawn += ci.redrawn();
            for (int i = 0; i < ci.lines().size(); i++) {
                String line = ci.lines().get(i);
                lines.add(line);
                if (tune.lines().get(i).rhymes()) {
                    rhyming++;
                    int last = line.codePointBefore(line.length());
                    rhymed += rhymes.groupsOf(last).contains(ci.rhymeGroup()) ? 1 : 0;
                }
            }
        }
        List<int[]> characters = lines.stream().map(l -> l.codePoints().toArray()).toList();
        out.printf(
                "| %s | %d | %s | %s | %s | %.3f | %s | %,.0f |%n",
                tune.name(),
                tune.lines().size(),
                percent((double) natural / written.size()),
                percent((double) rhymed / rhyming),
                percent(SampleDiversity.novelty(lines, trainingLines)),
                SampleDiversity.distinct(characters, 2),
                percent((double) redrawn / lines.size()),
                written.size() / seconds);
    }

    private static String percent(double share) {
        return String.format("%.1f%%", 100 * share);
    }
}
