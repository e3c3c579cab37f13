package org.textvae.poetry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.textvae.SentenceVae;
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
    private final Parts parts;

    /** What every draft of this writer reads: the model, the rules, and how codes are chosen. */
    record Parts(
            SentenceVae vae,
            ToneTable table,
            VerseMasks masks,
            PoemRules rules,
            int candidates,
            LineSuccession succession) {}

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
        this.parts =
                new Parts(
                        vae,
                        table,
                        masks,
                        new PoemRules(table, masks.groups()),
                        candidates,
                        succession);
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
        if (request.ownTheme()) {
            themeLines(request.form(), "");
        }
        String first = request.firstLine();
        if (first != null && group != null) {
            LinePattern pattern =
                    request.firstPattern() != null
                            ? request.firstPattern()
                            : parts.rules().closest(first.codePoints().toArray());
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
        KeptLines themed =
                request.theme() != null
                        ? themeLines(form, request.theme())
                        : request.ownTheme() ? themeLines(form, "") : null;
        return new PoemDraft(parts, request, themed, count, new SplittableRandom(seed)).write();
    }
}
