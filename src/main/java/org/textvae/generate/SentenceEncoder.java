package org.textvae.generate;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * The posterior q(z|x) of many sentences, {@link #ROWS} to a batch.
 *
 * <p>Sentences of different lengths share a batch padded to the longest, and the batch's lengths go
 * to the encoder (as in training, through {@link TokenBatch}), which reads both directions' final
 * states at each sentence's last real token: a sentence's posterior is the one it has alone, to
 * float rounding, whatever shares its batch.
 */
final class SentenceEncoder {

    /** Sentences per batch: the decoder's batch, a shape the engine handles at full speed. */
    static final int ROWS = ChunkedDecoding.ROWS;

    /**
     * Means and standard deviations, one row per sentence in the order given.
     *
     * @param means μ per sentence
     * @param sigmas σ per sentence
     */
    record Posteriors(float[][] means, float[][] sigmas) {}

    private final SentenceVaeNetwork network;
    private final TokenBatch.Specials specials;

    SentenceEncoder(SentenceVaeNetwork network, TokenBatch.Specials specials) {
        this.network = network;
        this.specials = specials;
    }

    /** Encodes token ids (without specials, none empty); each batch in a manager of its own. */
    Posteriors encode(NDManager parent, List<int[]> sentences) {
        int latent = network.config().latentSize();
        float[][] means = new float[sentences.size()][];
        float[][] sigmas = new float[sentences.size()][];
        for (int from = 0; from < sentences.size(); from += ROWS) {
            List<int[]> part = sentences.subList(from, Math.min(sentences.size(), from + ROWS));
            try (NDManager call = parent.newSubManager()) {
                ParameterStore store = new ParameterStore(call, false);
                TokenBatch batch = TokenBatch.of(call, part, specials, 0, null);
                Posterior posterior =
                        network.encode(store, batch.encoderIds(), batch.lengths(), false);
                split(posterior.mean().toFloatArray(), latent, means, from);
                split(posterior.standardDeviation().toFloatArray(), latent, sigmas, from);
            }
        }
        return new Posteriors(means, sigmas);
    }

    /** Rows of {@code width} values from {@code flat} into {@code rows}, starting at {@code at}. */
    private static void split(float[] flat, int width, float[][] rows, int at) {
        for (int start = 0; start < flat.length; start += width) {
            rows[at + start / width] = Arrays.copyOfRange(flat, start, start + width);
        }
    }
}
