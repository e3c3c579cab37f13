package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.textvae.Seeds;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.eval.LanguageModelScore;
import org.textvae.eval.SampleDiversity;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.poetry.LineCoherence;
import org.textvae.poetry.LineEndings;
import org.textvae.poetry.Poem;
import org.textvae.poetry.PoemRequest;
import org.textvae.poetry.RegulatedPoemWriter;
import org.textvae.poetry.RegulatedVerseScorer;
import org.textvae.poetry.Theme;
import org.textvae.poetry.ThemeJudge;
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
    private final List<Poem> training = new ArrayList<>();

    GeneratedVerse(RegulatedVerseScorer scorer, List<PoemCorpusFile.Entry> entries, Split only) {
        this.scorer = scorer;
        this.entries = entries;
        this.only = only;
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
        this.coherence = new LineCoherence(training, tuning, Seeds.MEASURING);
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
                (writing.followLines() ? ", lines following one another" : "")
                        + (writing.ownThemes() ? ", each poem on a word of its first line" : ""),
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
                List<WrittenPoem> poems = writer.write(writing.request(form), count, seed);
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
     * For each theme word and form, themed poems beside untargeted ones (the same seed): how often
     * the word appears, how many lines keep to its imagery in real poems, variety and coherence.
     */
    void printThemes(
            PrintWriter out,
            ModelOption model,
            int count,
            long seed,
            Writing writing,
            List<String> words) {
        ThemeJudge judge = new ThemeJudge(training);
        out.printf(
                "%nThemes: %,d poems of each form and word (seed %d), untargeted poems of the same"
                        + " seed in brackets. word: poems that hold the word; on theme: lines that"
                        + " hold it or one of its images in real poems (the judge's imagery: the"
                        + " characters that share training poems with it; no model involved)%n",
                count, seed);
        out.println(
                "| theme | form | model's imagery | judge's imagery | word | on theme | distinct-2 |"
                        + " coherence |");
        out.println("|---|---|---|---|---:|---:|---:|---:|");
        try (SentenceVae vae = model.loadWithLatentSpace()) {
            RegulatedPoemWriter writer =
                    new RegulatedPoemWriter(
                            vae, ToneTable.bundled(), writing.candidates(), writing.followLines());
            for (VerseForm form : VerseForm.values()) {
                List<Poem> plain = poems(writer.write(PoemRequest.of(form), count, seed));
                for (String word : words) {
                    Theme theme;
                    try {
                        theme = writer.theme(form, word);
                    } catch (IllegalArgumentException e) {
                        throw new TextvaeException(
                                TextvaeException.Kind.USAGE, "--themes: " + e.getMessage());
                    }
                    List<Poem> themed =
                            poems(writer.write(PoemRequest.of(form).withTheme(word), count, seed));
                    out.printf(
                            "| %s | %s | %s | %s | %s (%s) | %s (%s) | %.3f (%.3f) | %s (%s) |%n",
                            word,
                            form.label(),
                            String.join("", theme.imagery()),
                            String.join("", judge.imageryOf(word)),
                            Shares.percent(ThemeJudge.holdingShare(themed, word)),
                            Shares.percent(ThemeJudge.holdingShare(plain, word)),
                            Shares.percent(judge.touchingShare(themed, word)),
                            Shares.percent(judge.touchingShare(plain, word)),
                            distinct2(themed),
                            distinct2(plain),
                            Shares.percent(coherence.consecutiveShare(themed)),
                            Shares.percent(coherence.consecutiveShare(plain)));
                }
            }
        }
        out.flush();
    }

    private static List<Poem> poems(List<WrittenPoem> written) {
        return written.stream().map(WrittenPoem::poem).toList();
    }

    private static double distinct2(List<Poem> poems) {
        List<int[]> lines = new ArrayList<>();
        poems.forEach(poem -> poem.lines().forEach(line -> lines.add(line.codePoints().toArray())));
        return SampleDiversity.distinct(lines, 2);
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
                        Shares.percent(coherence.consecutiveShare(real)),
                        Shares.percent(coherence.consecutiveShare(LineCoherence.shuffled(real, 7))),
                        Shares.percent(coherence.consecutiveShare(written))));
        out.printf(
                "| %s | %s | %s | %s | %.3f | %s | %s (%s) | %s | %s | %,.0f | %s |%n",
                form.label(),
                Shares.percent(figures.rhyme()),
                Shares.percent(figures.strictTonal()),
                Shares.percent(figures.lineTonal()),
                SampleDiversity.distinct(lines, 2),
                Shares.percent((double) copied / lines.size()),
                Shares.percent(endings.rareEndingShare(written)),
                Shares.percent(endings.rareEndingShare(real)),
                Shares.percent((double) redrawn / lines.size()),
                Shares.percent((double) forced / lines.size()),
                poems.size() / seconds,
                fluency);
    }
}
