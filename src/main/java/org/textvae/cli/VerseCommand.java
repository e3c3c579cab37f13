package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.textvae.Seeds;
import org.textvae.TextvaeException;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.poetry.PoemScore;
import org.textvae.poetry.RegulatedPoemWriter;
import org.textvae.poetry.RegulatedVerseScorer;
import org.textvae.poetry.ToneTable;
import org.textvae.poetry.VerseFigures;
import org.textvae.poetry.VerseForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code textvae verse}: how well the poems of a poem corpus follow the rules of regulated verse.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "verse",
        description = {
            "Score the poems of a poem corpus against the rules of regulated verse, per form"
                    + " (五絕, 七絕, 五律, 七律): rhyme, tonal pattern (strict: the whole poem;"
                    + " per line), 對, 粘, 孤平 and 三平尾. See docs/poetry.md."
        },
        footer = {"", "Examples:", "  textvae verse", "  textvae verse --split valid"})
public final class VerseCommand implements Callable<Integer> {

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            defaultValue = "corpora/tang-poems.csv.gz",
            description = "Poem corpus to score (default: ${DEFAULT-VALUE}).")
    private Path corpus;

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            defaultValue = "test",
            description = "train, valid, test or all (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(
            names = "--table",
            paramLabel = "FILE",
            description = "Tone and rhyme table (default: the one packed into the jar).")
    private Path table;

    @Option(
            names = "--generate",
            paramLabel = "N",
            description =
                    "Also write N poems of each form with the model and score them beside the"
                            + " split's poems: rhyme, tones, distinct-2, lines copied from the"
                            + " corpus's training poems, lines ending in a character that rarely"
                            + " ends a line, lines redrawn or forced, speed.")
    private int generate;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.MEASURING,
            description = "Seed of the generated poems (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--lm",
            paramLabel = "PATH",
            description =
                    "With --generate: a language model (train --model lm, the model's vocabulary)"
                            + " that scores each generated line against the line the same z"
                            + " decodes to without the rules.")
    private Path lm;

    @Option(
            names = "--candidates",
            paramLabel = "K",
            defaultValue = "1",
            description =
                    "With --generate: codes tried for each line, the one whose free line is"
                            + " closest to the rules kept (default: ${DEFAULT-VALUE}).")
    private int candidates;

    @Option(
            names = "--follow-lines",
            description =
                    "With --generate: draw each line after the first near where the model's line"
                            + " succession (prior --poems) puts it, instead of on its own.")
    private boolean followLines;

    @Option(
            names = "--own-themes",
            description =
                    "With --generate: each poem keeps to a word of its own first line (poem"
                            + " --theme auto).")
    private boolean ownThemes;

    @Option(
            names = "--themes",
            paramLabel = "WORDS",
            split = ",",
            description =
                    "With --generate: theme words (comma-separated, for example 月,秋,酒); for each"
                            + " word and form, poems on it beside untargeted ones: how often the"
                            + " word appears, lines on its imagery in real poems, variety,"
                            + " coherence.")
    private List<String> themes;

    @Mixin private ModelOption modelOption;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        Split only = split.equalsIgnoreCase("all") ? null : Split.fromLabel(split);
        if (only == null && !split.equalsIgnoreCase("all")) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--split: '" + split + "' is not train, valid, test or all");
        }
        RegulatedVerseScorer scorer =
                new RegulatedVerseScorer(
                        table == null ? ToneTable.bundled() : ToneTable.read(table));
        Options.requireAtMost("--generate", generate, RegulatedPoemWriter.MAX_POEMS, "");
        Options.requirePositive("--candidates", candidates);
        Options.requireAtMost("--candidates", candidates, RegulatedPoemWriter.MAX_CANDIDATES, "");
        List<PoemCorpusFile.Entry> entries = PoemCorpusFile.read(corpus);
        printReal(spec.commandLine().getOut(), scorer, entries, corpus, split, only);
        if (themes != null && generate == 0) {
            throw new TextvaeException(TextvaeException.Kind.USAGE, "--themes needs --generate N");
        }
        if (generate > 0) {
            GeneratedVerse verse = new GeneratedVerse(scorer, entries, only);
            Writing writing = new Writing(candidates, followLines, ownThemes);
            PrintWriter out = spec.commandLine().getOut();
            if (themes == null) {
                verse.print(out, modelOption, generate, seed, lm, writing);
            } else {
                verse.printThemes(out, modelOption, generate, seed, writing, themes);
            }
        }
        return 0;
    }

    /** Scores the poems of one split (null: all) and prints the figures per form. */
    static void printReal(
            PrintWriter out,
            RegulatedVerseScorer scorer,
            List<PoemCorpusFile.Entry> entries,
            Path corpus,
            String split,
            Split only) {
        VerseFigures all = new VerseFigures();
        Map<VerseForm, VerseFigures> byForm = new EnumMap<>(VerseForm.class);
        for (PoemCorpusFile.Entry entry : entries) {
            if (only == null || entry.split() == only) {
                PoemScore score = scorer.score(entry.poem());
                all.add(score);
                score.verseForm()
                        .ifPresent(
                                f -> byForm.computeIfAbsent(f, k -> new VerseFigures()).add(score));
            }
        }
        out.printf(
                "%s, split %s: %,d poems, %s in a regulated form; %s of characters not in the"
                        + " table%n",
                corpus,
                split,
                all.poems(),
                Shares.percent(all.form()),
                Shares.percent(all.unknownCharacters()));
        out.println(
                "| form | poems | rhyme | strict tonal | per-line tonal | 對 | 粘 | 孤平 lines | 三平尾 lines |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (VerseForm form : VerseForm.values()) {
            VerseFigures f = byForm.getOrDefault(form, new VerseFigures());
            out.printf(
                    "| %s | %,d | %s | %s | %s | %s | %s | %s | %s |%n",
                    form.label(),
                    f.poems(),
                    Shares.percent(f.rhyme()),
                    Shares.percent(f.strictTonal()),
                    Shares.percent(f.lineTonal()),
                    Shares.percent(f.opposition()),
                    Shares.percent(f.adhesion()),
                    Shares.percent(f.isolatedLevel()),
                    Shares.percent(f.threeLevelTail()));
        }
        out.flush();
    }
}
