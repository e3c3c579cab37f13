package org.textvae.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.textvae.ci.CiRhymes;
import org.textvae.ci.CiTheme;
import org.textvae.ci.CiWriter;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLine;
import org.textvae.ci.TuneTable;
import org.textvae.ci.WrittenCi;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.eval.SampleDiversity;
import org.textvae.poetry.LineCoherence;
import org.textvae.poetry.Poem;
import org.textvae.poetry.ThemeJudge;

/**
 * The figures of {@code ci --measure}: ci written to each of the most used tunes beside the real ci
 * of that tune, one table row per tune: form, rhyme, novelty, variety, coherence and speed.
 */
final class GeneratedCi {

    /** Seed of the coherence judge's negative pairs and of the shuffled ci. */
    private static final long JUDGE_SEED = 7;

    private final CiWriter writer;
    private final CiRhymes rhymes;
    private final Set<String> trainingLines;
    private final List<PoemCorpusFile.Entry> realCi;
    private final LineCoherence coherence;
    private final List<String> themeRows = new ArrayList<>();
    private final boolean followLines;

    /** A theme every ci keeps to, and the judge of it that never sees the model; null for none. */
    private final CiTheme theme;

    private final ThemeJudge judge;

    GeneratedCi(
            CiWriter writer,
            CiRhymes rhymes,
            Set<String> trainingLines,
            List<PoemCorpusFile.Entry> realCi,
            boolean followLines,
            CiTheme theme) {
        this.writer = writer;
        this.followLines = followLines;
        this.rhymes = rhymes;
        this.trainingLines = trainingLines;
        this.realCi = realCi;
        this.coherence = new LineCoherence(poems(Split.TRAIN), poems(Split.VALID), JUDGE_SEED);
        this.theme = theme;
        this.judge = theme == null ? null : new ThemeJudge(poems(Split.TRAIN));
    }

    private List<Poem> poems(Split split) {
        return realCi.stream()
                .filter(e -> e.split() == split)
                .map(PoemCorpusFile.Entry::poem)
                .toList();
    }

    /** Writes {@code count} ci to each of the {@code tunes} most used tunes of known form. */
    void print(PrintWriter out, TuneTable table, int tunes, int count, long seed) {
        out.printf(
                "%,d ci for each of the %d most used tunes (seed %d%s), beside the corpus's ci of the"
                        + " tune in its form (in brackets); natural: ci whose every line the model"
                        + " ended at the tune's length (none forced); rhyme: rhyming lines that end"
                        + " in the ci's group (real: in the group most of the ci's rhymes share);"
                        + " novel: lines not in the training lines; coherence: consecutive lines"
                        + " that a judge of consecutive lines, counted over the training ci, takes"
                        + " for consecutive (real: the tune's valid and test ci)%n",
                count,
                tunes,
                seed,
                (followLines ? ", lines following one another" : ", lines drawn on their own")
                        + (theme == null ? "" : ", theme " + theme.theme().word()));
        out.println(
                "| tune | lines | natural | rhyme | novel | distinct-2 | coherence | lines redrawn"
                        + " | ci/s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.tunes().stream()
                .filter(Tune::formKnown)
                .limit(tunes)
                .forEach(tune -> row(out, tune, count, seed));
        List<Poem> test = poems(Split.TEST);
        if (theme != null) {
            out.printf(
                    "theme %s, the model's imagery %s, the judge's %s (from the training ci)%n",
                    theme.theme().word(),
                    String.join("", theme.theme().imagery()),
                    String.join("", judge.imageryOf(theme.theme().word())));
            themeRows.forEach(out::println);
        }
        out.printf(
                "coherence of the %d test ci: %s; with their lines shuffled between ci: %s%n",
                test.size(),
                Shares.percent(coherence.consecutiveShare(test)),
                Shares.percent(
                        coherence.consecutiveShare(LineCoherence.shuffled(test, JUDGE_SEED))));
        out.flush();
    }

    private void row(PrintWriter out, Tune tune, int count, long seed) {
        long start = System.nanoTime();
        List<WrittenCi> written = writer.write(tune, count, null, seed, followLines, theme);
        double seconds = (System.nanoTime() - start) / 1e9;
        int natural = 0;
        int redrawn = 0;
        List<Poem> poems = new ArrayList<>();
        for (WrittenCi ci : written) {
            natural += ci.forced() == 0 ? 1 : 0;
            redrawn += ci.redrawn();
            poems.add(Poem.of(ci.lines().toArray(String[]::new)));
        }
        if (theme != null) {
            themeRows.add(themeRow(tune, poems, count, seed));
        }
        List<Poem> real = realOf(tune, count, false);
        List<Poem> heldOut = realOf(tune, count, true);
        List<String> lines = lines(poems);
        out.printf(
                "| %s | %d | %s | %s (%s) | %s | %.3f (%.3f) | %s (%s of %d) | %s | %,.0f |%n",
                tune.name(),
                tune.lines().size(),
                Shares.percent((double) natural / written.size()),
                Shares.percent(rhymed(written)),
                Shares.percent(realRhymed(tune, real)),
                Shares.percent(SampleDiversity.novelty(lines, trainingLines)),
                distinct2(poems),
                distinct2(real),
                Shares.percent(coherence.consecutiveShare(poems)),
                Shares.percent(coherence.consecutiveShare(heldOut)),
                heldOut.size(),
                Shares.percent((double) redrawn / lines.size()),
                written.size() / seconds);
    }

    /** How often the themed ci and as many untargeted ones of the same seed keep to the word. */
    private String themeRow(Tune tune, List<Poem> themed, int count, long seed) {
        String word = theme.theme().word();
        List<Poem> plain = new ArrayList<>();
        for (WrittenCi ci : writer.write(tune, count, null, seed, followLines, null)) {
            plain.add(Poem.of(ci.lines().toArray(String[]::new)));
        }
        return String.format(
                "  %s: ci holding %s %s (untargeted %s), lines holding it or the judge's imagery %s"
                        + " (untargeted %s)",
                tune.name(),
                word,
                Shares.percent(ThemeJudge.holdingShare(themed, word)),
                Shares.percent(ThemeJudge.holdingShare(plain, word)),
                Shares.percent(judge.touchingShare(themed, word)),
                Shares.percent(judge.touchingShare(plain, word)));
    }

    /**
     * Up to {@code count} real ci of the tune in its form, in file order: from every split, or only
     * from those the coherence judge did not count ({@code heldOut}).
     */
    private List<Poem> realOf(Tune tune, int count, boolean heldOut) {
        List<Integer> form = tune.lines().stream().map(TuneLine::length).toList();
        return realCi.stream()
                .filter(e -> !heldOut || e.split() != Split.TRAIN)
                .map(PoemCorpusFile.Entry::poem)
                .filter(p -> p.title().equals(tune.name()))
                .filter(
                        p ->
                                p.lines().stream()
                                        .map(l -> l.codePointCount(0, l.length()))
                                        .toList()
                                        .equals(form))
                .limit(count)
                .toList();
    }

    private double rhymed(List<WrittenCi> written) {
        int rhyming = 0;
        int rhymed = 0;
        for (WrittenCi ci : written) {
            for (int i = 0; i < ci.lines().size(); i++) {
                if (ci.tune().lines().get(i).rhymes()) {
                    rhyming++;
                    String line = ci.lines().get(i);
                    rhymed +=
                            rhymes.groupsOf(line.codePointBefore(line.length()))
                                            .contains(ci.rhymeGroup())
                                    ? 1
                                    : 0;
                }
            }
        }
        return (double) rhymed / rhyming;
    }

    /** Of real ci's rhyming lines, those in the group that most of their ci's rhymes share. */
    private double realRhymed(Tune tune, List<Poem> real) {
        int rhyming = 0;
        int rhymed = 0;
        for (Poem poem : real) {
            List<Integer> ends = new ArrayList<>();
            for (int i = 0; i < poem.lines().size(); i++) {
                if (tune.lines().get(i).rhymes()) {
                    String line = poem.lines().get(i);
                    ends.add(line.codePointBefore(line.length()));
                }
            }
            int best = 0;
            for (String group : rhymes.groups().keySet()) {
                best =
                        Math.max(
                                best,
                                (int)
                                        ends.stream()
                                                .filter(c -> rhymes.groupsOf(c).contains(group))
                                                .count());
            }
            rhyming += ends.size();
            rhymed += best;
        }
        return rhyming == 0 ? Double.NaN : (double) rhymed / rhyming;
    }

    private static List<String> lines(List<Poem> poems) {
        List<String> lines = new ArrayList<>();
        poems.forEach(p -> lines.addAll(p.lines()));
        return lines;
    }

    private static double distinct2(List<Poem> poems) {
        return SampleDiversity.distinct(
                lines(poems).stream().map(l -> l.codePoints().toArray()).toList(), 2);
    }
}
