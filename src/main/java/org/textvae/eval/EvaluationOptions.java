package org.textvae.eval;

import java.util.Objects;
import org.textvae.Seeds;
import org.textvae.corpus.Split;

/**
 * What {@link ModelEvaluator} measures and how.
 *
 * @param split the corpus split scored
 * @param iwSamples k, posterior draws per sentence for the importance-weighted NLL
 * @param samples sentences decoded from the prior for the diversity figures
 * @param seed seeds every draw: the subsample, ε, the probes of q(z) and the prior samples
 * @param limit score at most this many sentences (a seeded subsample); 0 scores all
 * @param batchSize sentences per batch for the deterministic passes
 */
public record EvaluationOptions(
        Split split, int iwSamples, int samples, long seed, int limit, int batchSize) {

    /** Most prior samples scored as self-BLEU hypotheses (each against all samples). */
    public static final int SELF_BLEU_HYPOTHESES = 500;

    public EvaluationOptions {
        Objects.requireNonNull(split, "split");
        if (iwSamples <= 0) {
            throw new IllegalArgumentException("--iw-samples must be positive, got " + iwSamples);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be at least 2, got " + samples);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (all) or positive, got " + limit);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    /** The test split, k = 500 (He et al. 2019), 1,000 prior samples, every sentence. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(Split.TEST, 500, 1000, Seeds.MEASURING, 0, 64);
    }
}
