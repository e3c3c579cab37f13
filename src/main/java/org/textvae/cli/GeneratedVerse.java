package org.textvae.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.eval.SampleDiversity;
import org.textvae.generate.SentenceVae;
import org.textvae.poetry.LineEndings;
import org.textvae.poetry.Poem;
import org.textvae.poetry.RegulatedPoemWriter;
import org.textvae.poetry.RegulatedVerseScorer;
import org.textvae.poetry.ToneTable;
import org.textvae.poetry.VerseFigures;
import org.textvae.poetry.VerseForm;
import org.textvae.poetry.WrittenPoem;

/** The figures of {@code textvae verse --generate}: the model's poems beside the corpus's. */
final class GeneratedVerse {

    private final RegulatedVerseScorer scorer;
    private final List<PoemCorpusFile.Entry> entries;
    private final Split only;
    private final LineEndings endings;
    private final Set<String> trainingLines = new HashSet<>();

    GeneratedVerse(RegulatedVerseScorer scorer, List<PoemCorpusFile.Entry> entries, Split only) {
        this.scorer = scorer;
        this.entries = entries;
        this.only = only;
        List<Poem> training = new ArrayList<>();
        for (PoemCorpusFile.Entry entry : entries) {
            if (entry.split() == Split.TRAIN) {
                training.add(entry.poem());
                trainingLines.addAll(entry.poem().lines());
            }
        }
        this.endings = new LineEndings(training);
    }

    void print(PrintWriter out, ModelOption model, int count, long seed) {
        out.printf(
                "%n%,d poems of each form from the model (seed %d), beside the split's poems of that"
                        + " form; copied: lines that are lines of the training poems; rare end:"
                        + " lines ending in a character that ends under %.0f%% of its uses there (real: the"
                        + " split's poems of the form's line length)%n",
                count, seed, 100 * LineEndings.RARE);
        out.println(
                "| form | rhyme | strict tonal | per-line tonal | distinct-2 | copied | rare end"
                        + " (real) | redrawn | forced | poems/s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        try (SentenceVae vae = model.loadWithLatentSpace()) {
            RegulatedPoemWriter writer = new RegulatedPoemWriter(vae, ToneTable.bundled());
            for (VerseForm form : VerseForm.values()) {
                long start = System.nanoTime();
                List<WrittenPoem> poems = writer.write(form, count, seed, null, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                row(out, form, poems, seconds);
            }
        }
        out.flush();
    }

    private void row(PrintWriter out, VerseForm form, List<WrittenPoem> poems, double seconds) {
        VerseFigures figures = new VerseFigures();
        List<Poem> written = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        int copied = 0;
        int redrawn = 0;
        int forced = 0;
        for (WrittenPoem poem : poems) {
            figures.add(scorer.score(poem.poem()));
            written.add(poem.poem());
            for (String line : poem.lines()) {
                lines.add(line.codePoints().toArray());
                copied += trainingLines.contains(line) ? 1 : 0;
            }
            redrawn += poem.redrawn();
            forced += poem.forced();
        }
        List<Poem> real = new ArrayList<>();
        for (PoemCorpusFile.Entry entry : entries) {
            if ((only == null || entry.split() == only)
                    && entry.poem().lineLength() == form.characters()) {
                real.add(entry.poem());
            }
        }
        out.printf(
                "| %s | %s | %s | %s | %.3f | %s | %s (%s) | %s | %s | %,.0f |%n",
                form.label(),
                percent(figures.rhyme()),
                percent(figures.strictTonal()),
                percent(figures.lineTonal()),
                SampleDiversity.distinct(lines, 2),
                percent((double) copied / lines.size()),
                percent(endings.rareEndingShare(written)),
                percent(endings.rareEndingShare(real)),
                percent((double) redrawn / lines.size()),
                percent((double) forced / lines.size()),
                poems.size() / seconds);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format("%.1f%%", 100 * share);
    }
}
