package org.textvae.poetry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;
import org.textvae.prior.PosteriorMixture;

/**
 * The poems of one {@link RegulatedPoemWriter#write} call as they are written: each line's code,
 * the poems' patterns and rhyme groups, the lines so far and what it took to write them.
 */
final class PoemDraft {

    /** One line of one poem. */
    record Slot(int poem, int line) {}

    private final SentenceVae vae;
    private final ToneTable table;
    private final VerseMasks masks;
    private final PoemRules poemRules;
    private final int candidates;

    private final VerseForm form;
    private final int length;
    private final SplittableRandom seeds;
    private final float[][][] codes;
    private final LinePattern[] patterns;
    private final String[] groups;
    private final String[][] lines;
    private final int[] redrawn;
    private final int[] forced;

    private final LineSources sources;

    /** Kept lines a poem's own theme word must be held by, so that its imagery means something. */
    static final int OWN_THEME_LINES = 12;

    /** Each line's first character, a token id (−1: the model's), and its tone. */
    private final int[] heads;

    private final Tone[] headTones;

    /** The first lines decoded freely, once asked for ({@link #freeFirstLines}). */
    private List<String> freeFirsts;

    /**
     * @param themed the kept lines of the form's length when the request has a theme, else null
     */
    PoemDraft(
            RegulatedPoemWriter.Parts parts,
            PoemRequest request,
            KeptLines themed,
            int count,
            SplittableRandom seeds) {
        this.vae = parts.vae();
        this.table = parts.table();
        this.masks = parts.masks();
        this.poemRules = parts.rules();
        this.candidates = parts.candidates();
        VerseForm form = request.form();
        this.form = form;
        this.length = form.characters();
        this.seeds = seeds;
        this.sources = LineSources.of(vae, parts.succession(), request, themed, count);
        List<Slot> all = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < form.lines(); i++) {
                all.add(new Slot(p, i));
            }
        }
        float[][] drawn = sources.draws(all, 1, seeds.nextLong());
        this.codes = new float[count][form.lines()][];
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < form.lines(); i++) {
                codes[p][i] = drawn[p * form.lines() + i];
            }
        }
        this.patterns = new LinePattern[count];
        this.groups = new String[count];
        this.lines = new String[count][form.lines()];
        this.redrawn = new int[count];
        this.forced = new int[count];
        sources.seedFollowing(seeds);
        this.heads = new int[form.lines()];
        this.headTones = new Tone[form.lines()];
        java.util.Arrays.fill(heads, -1);
        if (request.acrostic() != null) {
            int[] cps = request.acrostic().codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                heads[i] = vae.vocabulary().id(Character.toString(cps[i]));
                headTones[i] = table.toneOf(cps[i]);
            }
        }
        java.util.Arrays.fill(groups, request.rhymeGroup());
        String first = request.firstLine();
        if (first == null) {
            choosePatterns(request.firstPattern());
            takeOwnThemes(request, themed);
            sources.follow(codes);
            return;
        }
        LinePattern pattern =
                request.firstPattern() != null
                        ? request.firstPattern()
                        : poemRules.closest(first.codePoints().toArray());
        float[] code = vae.encode(first).mean();
        String group = pattern.endsLevel() ? poemRules.groupOrNull(first) : null;
        for (int p = 0; p < count; p++) {
            lines[p][0] = first;
            codes[p][0] = code;
            patterns[p] = pattern;
            if (groups[p] == null) {
                groups[p] = group;
            }
        }
        takeOwnThemes(request, themed);
        sources.follow(codes);
    }

    /**
     * With {@link PoemRequest#ownTheme}: each poem's theme is the character of its first line
     * (decoded freely) that the fewest kept lines hold, at least {@link #OWN_THEME_LINES}; its
     * later lines are drawn again from the kept lines that hold the word or its imagery.
     */
    private void takeOwnThemes(PoemRequest request, KeptLines themed) {
        if (!request.ownTheme()) {
            return;
        }
        List<String> free = freeFirstLines();
        java.util.Map<String, PosteriorMixture> pools = new java.util.HashMap<>();
        SplittableRandom random = new SplittableRandom(seeds.nextLong());
        for (int p = 0; p < codes.length; p++) {
            String first = lines[p][0] != null ? lines[p][0] : free.get(p);
            String chosen = themed.rarestHeldBy(first, OWN_THEME_LINES);
            if (chosen == null) {
                continue; // no character of it is held by enough lines: lines on their own
            }
            Theme theme = themed.theme(chosen);
            PosteriorMixture pool =
                    pools.computeIfAbsent(theme.word(), word -> themed.touching(theme));
            sources.keepLaterLinesTo(p, pool);
            for (int i = 1; i < codes[p].length; i++) {
                codes[p][i] = pool.draw(random);
            }
        }
    }

    /** Writes every line: first the lines that choose a poem's rhyme, then the rest. */
    List<WrittenPoem> write() {
        int count = lines.length;
        List<Slot> leading = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            if (groups[p] == null) {
                boolean firstRhymes = patterns[p].endsLevel() && lines[p][0] == null;
                leading.add(new Slot(p, firstRhymes ? 0 : 1));
            }
        }
        if (!leading.isEmpty()) {
            writeLines(leading);
            for (Slot slot : leading) {
                groups[slot.poem()] = poemRules.groupOf(lines[slot.poem()][slot.line()]);
            }
        }
        List<Slot> rest = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < form.lines(); i++) {
                if (lines[p][i] == null) {
                    rest.add(new Slot(p, i));
                }
            }
        }
        writeLines(rest);
        List<WrittenPoem> poems = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            poems.add(
                    new WrittenPoem(
                            form,
                            patterns[p],
                            groups[p],
                            List.of(lines[p]),
                            redrawn[p],
                            forced[p],
                            codes[p]));
        }
        return poems;
    }

    /** A new code for a line: after the line before when lines follow, else {@code drawn}. */
    private float[] fresh(Slot slot, float[] drawn) {
        float[] before = slot.line() == 0 ? null : codes[slot.poem()][slot.line() - 1];
        return sources.fresh(slot, drawn, before);
    }

    /**
     * The given pattern, or for each poem the one its first line, decoded freely, is closest to.
     */
    private void choosePatterns(LinePattern given) {
        if (given != null) {
            java.util.Arrays.fill(patterns, given);
            return;
        }
        List<String> free = freeFirstLines();
        for (int p = 0; p < patterns.length; p++) {
            int[] line = free.get(p).codePoints().toArray();
            patterns[p] = line.length == length ? poemRules.closest(line) : LinePattern.values()[0];
        }
    }

    /**
     * The poems' first lines as their codes decode without the rules: decoded once, for the pattern
     * and the own theme both.
     */
    private List<String> freeFirstLines() {
        if (freeFirsts == null) {
            float[][] firsts = new float[codes.length][];
            for (int p = 0; p < codes.length; p++) {
                firsts[p] = codes[p][0];
            }
            freeFirsts = vae.decodeAll(firsts, length + 1, 0, new int[0]);
        }
        return freeFirsts;
    }

    /** Writes the slots' lines, redrawing the codes of those the model writes too short or long. */
    private void writeLines(List<Slot> slots) {
        List<Slot> pending = slots;
        for (int round = 0; round <= RegulatedPoemWriter.REDRAWS && !pending.isEmpty(); round++) {
            preferFitting(pending, round > 0);
            if (round > 0) {
                for (Slot slot : pending) {
                    redrawn[slot.poem()]++;
                }
            }
            List<String> written =
                    vae.decodeAll(codesOf(pending), masks.masks(rules(pending), length));
            List<Slot> failed = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                String line = written.get(k);
                if (line.codePointCount(0, line.length()) == length) {
                    lines[pending.get(k).poem()][pending.get(k).line()] = line;
                } else {
                    failed.add(pending.get(k));
                }
            }
            pending = failed;
        }
        if (!pending.isEmpty()) {
            List<String> written =
                    vae.decodeAll(codesOf(pending), masks.forcedLength(rules(pending), length));
            for (int k = 0; k < pending.size(); k++) {
                Slot slot = pending.get(k);
                lines[slot.poem()][slot.line()] = written.get(k);
                forced[slot.poem()]++;
            }
        }
    }

    /**
     * Gives each slot, among its code and {@code candidates} − 1 new ones (all new after a failed
     * round), the one whose freely decoded line already comes closest to the slot's rules, so that
     * the masks change as few of the model's characters as they can.
     */
    private void preferFitting(List<Slot> slots, boolean replaceCurrent) {
        int n = slots.size();
        int k = candidates;
        int drawn = n * (k - 1) + (replaceCurrent ? n : 0);
        if (drawn == 0) {
            return; // one candidate, the code already drawn: nothing to choose
        }
        float[][] fresh = sources.draws(slots, drawn / n, seeds.nextLong());
        if (k == 1) {
            for (int s = 0; s < n; s++) {
                Slot slot = slots.get(s);
                codes[slot.poem()][slot.line()] = fresh(slot, fresh[s]);
            }
            return;
        }
        float[][] candidates = new float[n * k][];
        int next = 0;
        for (int s = 0; s < n; s++) {
            Slot slot = slots.get(s);
            candidates[s * k] =
                    replaceCurrent ? fresh(slot, fresh[next++]) : codes[slot.poem()][slot.line()];
            for (int j = 1; j < k; j++) {
                candidates[s * k + j] = fresh(slot, fresh[next++]);
            }
        }
        List<String> free = vae.decodeAll(candidates, length + 1, 0, new int[0]);
        List<VerseMasks.Line> rules = rules(slots);
        for (int s = 0; s < n; s++) {
            int best = 0;
            int lowest = Integer.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                int cost =
                        poemRules.changesNeeded(
                                free.get(s * k + j), rules.get(s), length, vae.vocabulary());
                if (cost < lowest) {
                    best = j;
                    lowest = cost;
                }
            }
            Slot slot = slots.get(s);
            codes[slot.poem()][slot.line()] = candidates[s * k + best];
        }
    }

    private float[][] codesOf(List<Slot> slots) {
        float[][] chosen = new float[slots.size()][];
        for (int k = 0; k < slots.size(); k++) {
            chosen[k] = codes[slots.get(k).poem()][slots.get(k).line()];
        }
        return chosen;
    }

    /** Each slot's pattern and rhyme: the even lines rhyme, and the first when it ends 平. */
    private List<VerseMasks.Line> rules(List<Slot> slots) {
        List<VerseMasks.Line> rules = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            LinePattern pattern = patterns[slot.poem()].ofLine(slot.line());
            boolean rhymes = slot.line() % 2 == 1 || (slot.line() == 0 && pattern.endsLevel());
            VerseMasks.Rhyme rhyme =
                    !rhymes
                            ? VerseMasks.Rhyme.NONE
                            : groups[slot.poem()] == null
                                    ? VerseMasks.Rhyme.ANY
                                    : VerseMasks.Rhyme.in(groups[slot.poem()]);
            rules.add(
                    new VerseMasks.Line(
                            pattern, rhyme, heads[slot.line()], headTones[slot.line()]));
        }
        return rules;
    }
}
