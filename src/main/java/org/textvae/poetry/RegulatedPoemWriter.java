package org.textvae.poetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.textvae.generate.SentenceVae;
import org.textvae.prior.PosteriorMixture;

/**
 * Writes regulated verse with a model. Every line is decoded greedily from its own latent code
 * under masks that keep the poem's tonal pattern and rhyme ({@link VerseMasks}); the model chooses
 * among the characters the rules allow.
 *
 * <p>Lines have their natural length. Each code comes from the kept posteriors of training lines of
 * the form's length when the model's prior holds them (else from the prior as it is), and the
 * model, not the writer, ends the line: a line it ends early or runs past the form's length is
 * written again from a new code, up to {@link #REDRAWS} times. Only a line that fails every time is
 * written with its length forced, and the poem counts it.
 *
 * <p>The first line's pattern and the rhyme group are the caller's, or the model's: the pattern its
 * first line comes closest to when decoded freely, and the group of the first rhyming line it
 * writes. Read-only after construction; safe to share between threads as the model is.
 */
public final class RegulatedPoemWriter {

    /** New codes tried for a line the model will not write at the form's length. */
    public static final int REDRAWS = 16;

    /**
     * Codes tried for each line by default, of which the one whose free line is closest to the
     * rules is kept.
     */
    public static final int CANDIDATES = 1;

    /** The most codes tried for a line. */
    public static final int MAX_CANDIDATES = 64;

    /** The most poems one call writes. */
    public static final int MAX_POEMS = 100_000;

    private final SentenceVae vae;
    private final ToneTable table;
    private final VerseMasks masks;
    private final int candidates;
    private final LineSuccession succession;

    /** The kept lines of each length, decoded when a theme first asks for them. */
    private final Map<Integer, KeptLines> keptLines = new ConcurrentHashMap<>();

    public RegulatedPoemWriter(SentenceVae vae, ToneTable table) {
        this(vae, table, CANDIDATES);
    }

    /**
     * @param candidates codes tried for each line, 1 (the first drawn) to {@link #MAX_CANDIDATES}
     */
    public RegulatedPoemWriter(SentenceVae vae, ToneTable table, int candidates) {
        this(vae, table, candidates, false);
    }

    /**
     * @param followLines draw each line after the first near where the model's line succession
     *     ({@link LineSuccession}, when the checkpoint holds one) puts the line after the one
     *     before; false draws every line on its own
     */
    public RegulatedPoemWriter(
            SentenceVae vae, ToneTable table, int candidates, boolean followLines) {
        if (candidates < 1 || candidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException(
                    "try 1 to " + MAX_CANDIDATES + " codes a line, not " + candidates);
        }
        this.candidates = candidates;
        this.vae = Objects.requireNonNull(vae, "the model is null");
        this.table = Objects.requireNonNull(table, "the tone table is null");
        this.masks = new VerseMasks(vae.vocabulary(), table);
        this.succession =
                followLines && vae.prior() instanceof PosteriorMixture kept && kept.knowsLengths()
                        ? vae.entry(LineSuccession.ENTRY).map(LineSuccession::fromJson).orElse(null)
                        : null;
    }

    /** Whether lines follow one another through the model's line succession. */
    public boolean followsLines() {
        return succession != null;
    }

    /** The rhyme groups a poem can be asked to rhyme in. */
    public SortedSet<String> rhymeGroups() {
        return masks.groups();
    }

    /**
     * Writes {@code count} poems; the same seed writes the same poems.
     *
     * @param firstPattern the first line's pattern, or null to let the model choose per poem
     * @param rhymeGroup the 平聲 group to rhyme in (one of {@link #rhymeGroups()}), or null to let
     *     the model choose per poem
     */
    public List<WrittenPoem> write(
            VerseForm form, int count, long seed, LinePattern firstPattern, String rhymeGroup) {
        return write(
                PoemRequest.of(form).withFirstPattern(firstPattern).withRhymeGroup(rhymeGroup),
                count,
                seed);
    }

    /**
     * Checks a request against the model and the table: a known rhyme group, and acrostic and
     * first-line characters that the vocabulary holds and the table knows.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public void check(PoemRequest request) {
        String group = request.rhymeGroup();
        if (group != null && !rhymeGroups().contains(group)) {
            throw new IllegalArgumentException(
                    "unknown rhyme group '"
                            + group
                            + "'; known: "
                            + String.join(" ", rhymeGroups()));
        }
        for (String text : new String[] {request.acrostic(), request.firstLine()}) {
            if (text == null) {
                continue;
            }
            for (int cp : text.codePoints().toArray()) {
                String character = Character.toString(cp);
                if (vae.vocabulary().id(character) == vae.vocabulary().unkId()) {
                    throw new IllegalArgumentException(
                            character + " (in " + text + ") is not in the model's vocabulary");
                }
                if (!table.covers(cp)) {
                    throw new IllegalArgumentException(
                            character + " (in " + text + ") is not in the tone table");
                }
            }
        }
        if (request.theme() != null) {
            theme(request.form(), request.theme());
        }
        String first = request.firstLine();
        if (first != null && group != null) {
            LinePattern pattern =
                    request.firstPattern() != null
                            ? request.firstPattern()
                            : closest(first.codePoints().toArray());
            if (pattern.endsLevel()
                    && !table.groupsOf(first.codePointBefore(first.length())).contains(group)) {
                throw new IllegalArgumentException(
                        "the first line " + first + " rhymes, and not in " + group);
            }
        }
    }

    /**
     * The theme a poem of {@code form} on {@code word} keeps to: the word and the imagery the
     * model's kept lines of the form's length pair with it. The first call for a line length
     * decodes those lines (under a second).
     *
     * @throws IllegalArgumentException when the word holds a character the vocabulary lacks, the
     *     model's prior keeps no lines by length, or no kept line holds the word
     */
    public Theme theme(VerseForm form, String word) {
        return themeLines(form, word).theme(word);
    }

    private KeptLines themeLines(VerseForm form, String word) {
        for (int cp : word.codePoints().toArray()) {
            if (vae.vocabulary().id(Character.toString(cp)) == vae.vocabulary().unkId()) {
                throw new IllegalArgumentException(
                        "the theme "
                                + word
                                + " holds "
                                + Character.toString(cp)
                                + ", which is not in the model's vocabulary");
            }
        }
        if (!(vae.prior() instanceof PosteriorMixture kept)
                || kept.countOfLength(form.characters()) == 0) {
            throw new IllegalArgumentException(
                    "a theme needs a model whose prior keeps training lines by length (textvae"
                            + " prior --kind posteriors)");
        }
        return keptLines.computeIfAbsent(
                form.characters(), length -> KeptLines.decode(vae, kept.ofLength(length), length));
    }

    /** Writes {@code count} poems as {@code request} asks; the same seed writes the same poems. */
    public List<WrittenPoem> write(PoemRequest request, int count, long seed) {
        Objects.requireNonNull(request, "request");
        if (count < 1 || count > MAX_POEMS) {
            throw new IllegalArgumentException(
                    "write 1 to " + MAX_POEMS + " poems at a time, not " + count);
        }
        check(request);
        VerseForm form = request.form();
        Draft draft = new Draft(request, count, new SplittableRandom(seed));
        List<Slot> leading = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            if (draft.groups[p] == null) {
                boolean firstRhymes = draft.patterns[p].endsLevel() && draft.lines[p][0] == null;
                leading.add(new Slot(p, firstRhymes ? 0 : 1));
            }
        }
        if (!leading.isEmpty()) {
            draft.writeLines(leading);
            for (Slot slot : leading) {
                draft.groups[slot.poem()] = groupOf(draft.lines[slot.poem()][slot.line()]);
            }
        }
        List<Slot> rest = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < form.lines(); i++) {
                if (draft.lines[p][i] == null) {
                    rest.add(new Slot(p, i));
                }
            }
        }
        draft.writeLines(rest);
        List<WrittenPoem> poems = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            poems.add(
                    new WrittenPoem(
                            form,
                            draft.patterns[p],
                            draft.groups[p],
                            List.of(draft.lines[p]),
                            draft.redrawn[p],
                            draft.forced[p],
                            draft.codes[p]));
        }
        return poems;
    }

    /** The pattern a line (of 5 or 7 characters) breaks at the fewest fixed positions. */
    private LinePattern closest(int[] line) {
        LinePattern best = null;
        int fewest = Integer.MAX_VALUE;
        for (LinePattern pattern : LinePattern.values()) {
            int mismatches = pattern.mismatches(line, table);
            if (mismatches < fewest) {
                best = pattern;
                fewest = mismatches;
            }
        }
        return best;
    }

    /** The group a line ends in, or null when its last character rhymes in none. */
    private String groupOrNull(String line) {
        int last = line.codePointBefore(line.length());
        if (!table.toneOf(last).allows(Tone.PING)) {
            return null;
        }
        for (String group : table.groupsOf(last)) {
            if (masks.groups().contains(group)) {
                return group;
            }
        }
        return null;
    }

    /** The group a rhyming line ends in: its last character's most used group. */
    private String groupOf(String line) {
        int last = line.codePointBefore(line.length());
        for (String group : table.groupsOf(last)) {
            if (masks.groups().contains(group)) {
                return group;
            }
        }
        throw new IllegalStateException("a rhyming line ends outside every group: " + line);
    }

    /** One line of one poem. */
    private record Slot(int poem, int line) {}

    /** The poems being written: codes, choices, lines so far and what it took to write them. */
    private final class Draft {

        final VerseForm form;
        final int length;
        final SplittableRandom seeds;
        final float[][][] codes;
        final LinePattern[] patterns;
        final String[] groups;
        final String[][] lines;
        final int[] redrawn;
        final int[] forced;

        /** Lines of the form's length kept by the prior, when lines follow one another. */
        final PosteriorMixture kept;

        /** With a theme: the kept lines that first lines and later lines come from; else null. */
        final PosteriorMixture firstLines;

        final PosteriorMixture laterLines;

        final SplittableRandom following;

        /** Each line's first character, a token id (−1: the model's), and its tone. */
        final int[] heads;

        final Tone[] headTones;

        Draft(PoemRequest request, int count, SplittableRandom seeds) {
            VerseForm form = request.form();
            this.form = form;
            this.length = form.characters();
            this.seeds = seeds;
            if (request.theme() == null) {
                firstLines = null;
                laterLines = null;
            } else {
                KeptLines themed = themeLines(form, request.theme());
                Theme theme = themed.theme(request.theme());
                firstLines = themed.holdingWord(theme);
                laterLines = themed.touching(theme);
            }
            List<Slot> all = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                for (int i = 0; i < form.lines(); i++) {
                    all.add(new Slot(p, i));
                }
            }
            float[][] drawn = draws(all, 1, seeds.nextLong());
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
            this.kept =
                    succession == null
                            ? null
                            : laterLines != null
                                    ? laterLines
                                    : ((PosteriorMixture) vae.prior()).ofLength(length);
            this.following = kept == null ? null : new SplittableRandom(seeds.nextLong());
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
                follow();
                choosePatterns(request.firstPattern());
                return;
            }
            LinePattern pattern =
                    request.firstPattern() != null
                            ? request.firstPattern()
                            : closest(first.codePoints().toArray());
            float[] code = vae.encode(first).mean();
            String group = pattern.endsLevel() ? groupOrNull(first) : null;
            for (int p = 0; p < count; p++) {
                lines[p][0] = first;
                codes[p][0] = code;
                patterns[p] = pattern;
                if (groups[p] == null) {
                    groups[p] = group;
                }
            }
            follow();
        }

        /** Redraws every line after the first from the succession of the line before. */
        private void follow() {
            if (kept == null) {
                return;
            }
            for (float[][] poem : codes) {
                for (int i = 1; i < poem.length; i++) {
                    poem[i] = succession.next(poem[i - 1], kept, following);
                }
            }
        }

        /**
         * {@code each} new codes for each slot, in the slots' order: from the prior's lines of the
         * form's length, or with a theme from the lines that hold its word (first lines) or touch
         * it (later lines).
         */
        private float[][] draws(List<Slot> slots, int each, long seed) {
            if (firstLines == null) {
                return vae.priorSamplesOfLength(slots.size() * each, length, seed);
            }
            SplittableRandom random = new SplittableRandom(seed);
            float[][] drawn = new float[slots.size() * each][];
            for (int j = 0; j < drawn.length; j++) {
                boolean first = slots.get(j / each).line() == 0;
                drawn[j] = (first ? firstLines : laterLines).draw(random);
            }
            return drawn;
        }

        /** A new code for a line: after the line before when lines follow, else {@code drawn}. */
        private float[] fresh(Slot slot, float[] drawn) {
            if (kept == null || slot.line() == 0) {
                return drawn;
            }
            return succession.next(codes[slot.poem()][slot.line() - 1], kept, following);
        }

        /**
         * The given pattern, or for each poem the one its first line, decoded freely, is closest
         * to.
         */
        void choosePatterns(LinePattern given) {
            if (given != null) {
                java.util.Arrays.fill(patterns, given);
                return;
            }
            float[][] firsts = new float[patterns.length][];
            for (int p = 0; p < patterns.length; p++) {
                firsts[p] = codes[p][0];
            }
            List<String> free = vae.decodeAll(firsts, length + 1, 0, new int[0]);
            for (int p = 0; p < patterns.length; p++) {
                int[] line = free.get(p).codePoints().toArray();
                patterns[p] = line.length == length ? closest(line) : LinePattern.values()[0];
            }
        }

        /**
         * Writes the slots' lines, redrawing the codes of those the model writes too short or long.
         */
        void writeLines(List<Slot> slots) {
            List<Slot> pending = slots;
            for (int round = 0; round <= REDRAWS && !pending.isEmpty(); round++) {
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
         * Gives each slot, among its code and {@code candidates} − 1 new ones (all new after a
         * failed round), the one whose freely decoded line already comes closest to the slot's
         * rules, so that the masks change as few of the model's characters as they can.
         */
        private void preferFitting(List<Slot> slots, boolean replaceCurrent) {
            int n = slots.size();
            int k = candidates;
            int drawn = n * (k - 1) + (replaceCurrent ? n : 0);
            if (drawn == 0) {
                return; // one candidate, the code already drawn: nothing to choose
            }
            float[][] fresh = draws(slots, drawn / n, seeds.nextLong());
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
                        replaceCurrent
                                ? fresh(slot, fresh[next++])
                                : codes[slot.poem()][slot.line()];
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
                    int cost = changesNeeded(free.get(s * k + j), rules.get(s));
                    if (cost < lowest) {
                        best = j;
                        lowest = cost;
                    }
                }
                Slot slot = slots.get(s);
                codes[slot.poem()][slot.line()] = candidates[s * k + best];
            }
        }

        /** Characters a line must change to keep a rule; one of the wrong length, more than any. */
        private int changesNeeded(String text, VerseMasks.Line rule) {
            int[] line = text.codePoints().toArray();
            if (line.length != length) {
                return length + 1;
            }
            Tone[] safe = rule.tones(length);
            int changes = 0;
            if (rule.head() >= 0
                    && vae.vocabulary().id(Character.toString(line[0])) != rule.head()) {
                changes++;
            }
            for (int i = 0; i < length; i++) {
                boolean keeps = table.covers(line[i]) && table.toneOf(line[i]).allows(safe[i]);
                changes += keeps ? 0 : 1;
            }
            if (rule.rhyme().rhymes()) {
                int last = line[length - 1];
                List<String> groups = table.groupsOf(last);
                boolean rhymes =
                        table.toneOf(last).allows(Tone.PING)
                                && (rule.rhyme().group() == null
                                        ? !groups.isEmpty()
                                        : groups.contains(rule.rhyme().group()));
                changes += rhymes ? 0 : 1;
            }
            return changes;
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
}
