package org.textvae.poetry;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;

/**
 * Free lines of a fixed length from a model's latent space: every line exactly {@code form} tokens
 * long and, like every decoded line, never {@code <unk>}. The codes come from lines of that length
 * where the prior knows them, so the model means to end there; {@code <eos>} is still masked until
 * the form's length and forced at it, for priors that do not. Regulated verse, whose lines end
 * where the model ends them, is {@code poetry.RegulatedPoemWriter}.
 */
public final class FreePoemWriter {

    /**
     * Correlation of successive latent codes in a walk: near 1 keeps one mood, 0 is independent.
     */
    static final double WALK_CORRELATION = 0.8;

    private final SentenceVae vae;

    public FreePoemWriter(SentenceVae vae) {
        this.vae = Objects.requireNonNull(vae, "the model is null");
    }

    /**
     * Writes a poem.
     *
     * @param form tokens per line (5 or 7 for the Tang forms)
     * @param lines how many lines, at most {@link SentenceVae#MAX_COUNT}
     * @param seed fixes the latent codes, hence the poem
     * @param walk draw the lines from a short path through latent space instead of independently
     */
    public List<String> write(int form, int lines, long seed, boolean walk) {
        if (form <= 0 || form > SentenceVae.DEFAULT_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the form must be between 1 and " + SentenceVae.DEFAULT_MAX_LENGTH + " tokens");
        }
        if (lines <= 0 || lines > SentenceVae.MAX_COUNT) {
            throw new IllegalArgumentException(
                    "a poem has 1 to " + SentenceVae.MAX_COUNT + " lines, got " + lines);
        }
        // Codes of lines of the form's length, where the prior knows them: the decoder means to end
        // there, so the forced <eos> rarely cuts a line.
        float[][] codes = walk ? walk(lines, seed) : vae.priorSamplesOfLength(lines, form, seed);
        return vae.decodeAll(codes, form, form, new int[0]);
    }

    /**
     * An AR(1) path z_i = ρ z_{i−1} + √(1 − ρ²) ε_i: successive lines stay close, yet every z is
     * itself distributed N(0, I), the region the decoder was trained to read.
     */
    float[][] walk(int lines, long seed) {
        float[][] noise = vae.priorSamples(lines, seed);
        float[][] codes = new float[lines][];
        codes[0] = noise[0];
        double innovation = Math.sqrt(1 - WALK_CORRELATION * WALK_CORRELATION);
        for (int i = 1; i < lines; i++) {
            codes[i] = new float[noise[i].length];
            for (int d = 0; d < noise[i].length; d++) {
                codes[i][d] =
                        (float) (WALK_CORRELATION * codes[i - 1][d] + innovation * noise[i][d]);
            }
        }
        return codes;
    }

    /** A seed for callers that were given none. */
    public static long randomSeed() {
        return new SplittableRandom().nextLong(1, 1_000_000_000L);
    }
}
