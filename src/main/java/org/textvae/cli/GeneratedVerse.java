package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.eval.LanguageModelScore;
import org.textvae.eval.SampleDiversity;
import org.textvae.generate.SentenceVae;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.poetry.LineCoherence;
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
    private final LineCoherence coherence;
    private final List<String> coherenceRows = new ArrayList<>();

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
        List<Poem> tuning = new ArrayList<>();
        for (PoemCorpusFile.Entry entry : entries) {
            if (entry.split() == Split.VALID) {
                tuning.add(entry.poem());
            }
        }
        this.coherence = new LineCoherence(training, tuning, 2026);
    }

    void print(PrintWriter out, ModelOption model, int count, long seed, Path lm, Writing writing) {
        Checkpoint languageModel =
                lm == null ? null : Checkpoint.read(ModelFiles.checkpointFile(lm));
        out.printf(
                "%n%,d poems of each form from the model (seed %d, %d codes tried a line%s), beside the split's poems of that"
                        + " form; copied: lines that are lines of the training poems; rare end:"
                        + " lines ending in a character that ends under %.0f%% of its uses there (real: the"
                        + " split's poems of the form's line length)%n",
                count,
                seed,
                writing.candidates(),
                writing.followLines() ? ", lines following one another" : "",
                100 * LineEndings.RARE);
        out.println(
                "| form | rhyme | strict tonal | per-line tonal | distinct-2 | copied | rare end"
                        + " (real) | redrawn | forced | poems/s | LM nats/token: poem (free) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        try (SentenceVae vae = model.loadWithLatentSpace()) {
            if (languageModel != null) {
                LanguageModelScore.requireCompatible(
                        languageModel, lm.toString(), vae.vocabulary().toJson());
            }
            RegulatedPoemWriter writer =
                    new RegulatedPoemWriter(
                            vae, ToneTable.bundled(), writing.candidates(), writing.followLines());
            for (VerseForm form : VerseForm.values()) {
                long start = System.nanoTime();
                List<WrittenPoem> poems = writer.write(form, count, seed, null, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                String fluency =
                        languageModel == null ? "n/a" : fluency(vae, languageModel, lm, poems);
                row(out, form, poems, seconds, fluency);
            }
        }
        out.printf(
                "%nCoherence: the share of consecutive line pairs that a separate classifier (PMI of"
                        + " one line's characters with the next's, from the training poems; threshold"
                        + " %.3f, set on the valid split) judges consecutive%n",
                coherence.threshold());
        out.println("| form | real poems | their lines shuffled | generated |");
        out.println("|---|---:|---:|---:|");
        coherenceRows.forEach(out::println);
        out.flush();
    }

    /**
     * The poems' lines and the lines their codes decode to without the rules, both under the
     * language model: what the rules cost in fluency.
     */
    private static String fluency(
            SentenceVae vae, Checkpoint languageModel, Path lm, List<WrittenPoem> poems) {
        List<int[]> ruled = new ArrayList<>();
        List<float[]> codes = new ArrayList<>();
        for (WrittenPoem poem : poems) {
            poem.lines().forEach(line -> ruled.add(vae.vocabulary().encode(line)));
            codes.addAll(List.of(poem.codes()));
        }
        int maxLength = poems.get(0).form().characters() + 1;
        List<int[]> free = new ArrayList<>();
        for (String line : vae.decodeAll(codes.toArray(float[][]::new), maxLength, 0, new int[0])) {
            free.add(vae.vocabulary().encode(line));
        }
        double poem =
                LanguageModelScore.score(languageModel, lm.toString(), ruled, 128).nllPerToken();
        double open =
                LanguageModelScore.score(languageModel, lm.toString(), free, 128).nllPerToken();
        return String.format("%.3f (%.3f, %+.1f%%)", poem, open, 100 * (poem / open - 1));
    }

    private void row(
            PrintWriter out,
            VerseForm form,
            List<WrittenPoem> poems,
            double seconds,
            String fluency) {
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
        coherenceRows.add(
                String.format(
                        "| %s | %s | %s | %s |",
                        form.label(),
                        percent(coherence.consecutiveShare(real)),
                        percent(coherence.consecutiveShare(LineCoherence.shuffled(real, 7))),
                        percent(coherence.consecutiveShare(written))));
        out.printf(
                "| %s | %s | %s | %s | %.3f | %s | %s (%s) | %s | %s | %,.0f | %s |%n",
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
                poems.size() / seconds,
                fluency);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format("%.1f%%", 100 * share);
    }
}
