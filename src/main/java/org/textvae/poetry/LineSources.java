package org.textvae.poetry;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;
import org.textvae.prior.PosteriorMixture;

/**
 * Where the latent code of each line of a draft comes from: the prior's lines of the form's length;
 * with a theme, the kept lines that hold its word (first lines) or touch it (later lines); and,
 * when lines follow one another, the model's line succession from the line before.
 */
final class LineSources {

    private final SentenceVae vae;
    private final LineSuccession succession;
    private final int length;

    /** First lines' source with a theme (or an own theme), else null: the prior's lines. */
    private final PosteriorMixture firstLines;

    /** Each poem's later lines' source with a theme, else null. */
    private final PosteriorMixture[] laterOf;

    /** Lines of the form's length kept by the prior, when lines follow one another. */
    private final PosteriorMixture kept;

    private SplittableRandom following;

    private LineSources(
            SentenceVae vae,
            LineSuccession succession,
            int length,
            PosteriorMixture firstLines,
            PosteriorMixture[] laterOf) {
        this.vae = vae;
        this.succession = succession;
        this.length = length;
        this.firstLines = firstLines;
        this.laterOf = laterOf;
        this.kept =
                succession == null || laterOf != null
                        ? null
                        : ((PosteriorMixture) vae.prior()).ofLength(length);
    }

    /**
     * The sources of {@code count} poems of {@code request}.
     *
     * @param themed the kept lines of the form's length when the request has a theme, else null
     */
    static LineSources of(
            SentenceVae vae,
            LineSuccession succession,
            PoemRequest request,
            KeptLines themed,
            int count) {
        int length = request.form().characters();
        if (request.theme() != null) {
            Theme theme = themed.theme(request.theme());
            PosteriorMixture[] later = new PosteriorMixture[count];
            Arrays.fill(later, themed.touching(theme));
            return new LineSources(vae, succession, length, themed.holdingWord(theme), later);
        }
        if (request.ownTheme()) {
            // Until each poem's first line tells its theme, every line comes from them all.
            PosteriorMixture all = ((PosteriorMixture) vae.prior()).ofLength(length);
            PosteriorMixture[] later = new PosteriorMixture[count];
            Arrays.fill(later, all);
            return new LineSources(vae, succession, length, all, later);
        }
        return new LineSources(vae, succession, length, null, null);
    }

    /**
     * Starts the generator of following lines, when lines follow one another: taken from {@code
     * seeds} only then, after the first draws, so a request without it draws as it always did.
     */
    void seedFollowing(SplittableRandom seeds) {
        if (succession != null && (kept != null || laterOf != null)) {
            following = new SplittableRandom(seeds.nextLong());
        }
    }

    /** {@code each} new codes for each slot, in the slots' order, from the slot's source. */
    float[][] draws(List<PoemDraft.Slot> slots, int each, long seed) {
        if (firstLines == null) {
            return vae.priorSamplesOfLength(slots.size() * each, length, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] drawn = new float[slots.size() * each][];
        for (int j = 0; j < drawn.length; j++) {
            PoemDraft.Slot slot = slots.get(j / each);
            drawn[j] = (slot.line() == 0 ? firstLines : laterOf[slot.poem()]).draw(random);
        }
        return drawn;
    }

    /**
     * A new code for a line: after {@code before}, the line before's code, when lines follow, else
     * {@code drawn}.
     */
    float[] fresh(PoemDraft.Slot slot, float[] drawn, float[] before) {
        if (following == null || slot.line() == 0) {
            return drawn;
        }
        return succession.next(before, keptFor(slot.poem()), following);
    }

    /** Redraws every line after the first from the succession of the line before. */
    void follow(float[][][] codes) {
        if (following == null) {
            return;
        }
        for (int p = 0; p < codes.length; p++) {
            for (int i = 1; i < codes[p].length; i++) {
                codes[p][i] = succession.next(codes[p][i - 1], keptFor(p), following);
            }
        }
    }

    /** Keeps poem {@code poem}'s later lines to {@code pool} from now on. */
    void keepLaterLinesTo(int poem, PosteriorMixture pool) {
        laterOf[poem] = pool;
    }

    /** The kept lines a poem's lines after the first follow one another through. */
    private PosteriorMixture keptFor(int poem) {
        return laterOf != null ? laterOf[poem] : kept;
    }
}
