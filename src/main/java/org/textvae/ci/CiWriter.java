package org.textvae.ci;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.poetry.KeptLines;
import org.textvae.poetry.LineSuccession;
import org.textvae.poetry.Tone;
import org.textvae.prior.PosteriorMixture;

/**
 * Writes ci to a tune with a model of ci lines. Each line is decoded greedily from its own code,
 * drawn from the prior's lines of that line's length, so the model means to end it there; the masks
 * leave {@code <eos>} open and a line the model ends early or late gets a new code (up to {@link
 * #REDRAWS} times) before its length is forced. A rhyming line's last character must come from the
 * ci's rhyme group: the caller's, or the group of the first rhyme the model writes. Thread-safe as
 * the model is: each call keeps its state to itself.
 */
public final class CiWriter {

    /** New codes a line may get before its length is forced. */
    public static final int REDRAWS = 16;

    /** The most ci one call writes. */
    public static final int MAX_CI = 100_000;

    private final SentenceVae vae;
    private final CiRhymes rhymes;
    private final CiMasks masks;
    private KeptLines keptLines;

    public CiWriter(SentenceVae vae, CiRhymes rhymes) {
        this.vae = Objects.requireNonNull(vae, "the model is null");
        this.rhymes = Objects.requireNonNull(rhymes, "the rhyme table is null");
        this.masks = new CiMasks(vae.vocabulary(), rhymes);
    }

    /**
     * Writes {@code count} ci to {@code tune}.
     *
     * @param group the rhyme group of every ci, or null to take each ci's from its first rhyme
     * @param seed fixes every code drawn, hence the ci
     */
    public List<WrittenCi> write(Tune tune, int count, String group, long seed) {
        return write(tune, count, group, seed, false);
    }

    /**
     * As {@link #write(Tune, int, String, long)}; with {@code followLines}, each line after the
     * first is drawn near where the model's line succession (fitted by {@code textvae prior
     * --poems} to consecutive lines of real ci) puts the line after the one before, instead of on
     * its own: lines more related, less varied.
     */
    public List<WrittenCi> write(
            Tune tune, int count, String group, long seed, boolean followLines) {
        return write(tune, count, group, seed, followLines, null);
    }

    /**
     * As {@link #write(Tune, int, String, long, boolean)}, every ci kept to {@code theme} (see
     * {@link #theme}); null for none.
     */
    public List<WrittenCi> write(
            Tune tune, int count, String group, long seed, boolean followLines, CiTheme theme) {
        if (!tune.formKnown()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "the corpus does not show a form for " + tune.whyUnknown());
        }
        if (count < 1 || count > MAX_CI) {
            throw new IllegalArgumentException("write 1 to " + MAX_CI + " ci, got " + count);
        }
        if (group != null && !masks.writes(group, Tone.EITHER)) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "no rhyme group '"
                            + group
                            + "' the model can write; the groups are "
                            + String.join(" ", rhymes.groups().keySet()));
        }
        LineSuccession succession = followLines ? succession() : null;
        return new CiDraft(
                        vae,
                        masks,
                        tune,
                        count,
                        group,
                        new SplittableRandom(seed),
                        succession,
                        theme)
                .write();
    }

    /**
     * The theme of {@code word} among the model's kept lines, which are decoded once, on first use
     * (a second or two).
     *
     * @throws TextvaeException (usage) when the model's prior keeps no lines, or none holds the
     *     word
     */
    public CiTheme theme(String word) {
        PosteriorMixture kept =
                keptPosteriors(
                        "a theme is found among the kept lines of",
                        "textvae prior --kind posteriors");
        synchronized (this) {
            if (keptLines == null) {
                int longest = Arrays.stream(kept.lengths()).max().orElse(1);
                keptLines = KeptLines.decode(vae, kept, longest);
            }
        }
        try {
            return new CiTheme(keptLines, keptLines.theme(word));
        } catch (IllegalArgumentException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "--theme " + word + ": " + e.getMessage());
        }
    }

    /**
     * The model's prior of kept posteriors with their lengths, or a refusal: {@code what} needs
     * one, and {@code fix} makes one.
     */
    private PosteriorMixture keptPosteriors(String what, String fix) {
        if (vae.prior() instanceof PosteriorMixture kept && kept.knowsLengths()) {
            return kept;
        }
        throw new TextvaeException(
                TextvaeException.Kind.USAGE,
                what + " a prior of kept posteriors: " + vae.source() + " has none (" + fix + ")");
    }

    /**
     * Whether lines can follow one another: the model's prior keeps posteriors with their lengths
     * and the model holds a line succession ({@code textvae prior --kind posteriors --poems}).
     */
    public boolean canFollowLines() {
        return vae.prior() instanceof PosteriorMixture kept
                && kept.knowsLengths()
                && vae.entry(LineSuccession.ENTRY).isPresent();
    }

    private LineSuccession succession() {
        keptPosteriors(
                "lines follow one another only through",
                "textvae prior --kind posteriors --poems FILE");
        return vae.entry(LineSuccession.ENTRY)
                .map(LineSuccession::fromJson)
                .orElseThrow(
                        () ->
                                new TextvaeException(
                                        TextvaeException.Kind.USAGE,
                                        vae.source()
                                                + " holds no line succession; fit one with"
                                                + " textvae prior --poems"
                                                + " corpora/songci-poems.csv.gz"));
    }
}
