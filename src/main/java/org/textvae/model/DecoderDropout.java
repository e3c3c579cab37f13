package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/**
 * Dropout on the decoder's input embeddings and on its GRU outputs before the vocabulary layer, as
 * masks of 0 and 1/(1 − p) (inverted dropout, so nothing needs rescaling when it is off).
 *
 * <p>The masks are drawn in Java from the training step's seeded generator rather than by the
 * engine, whose random state is not in the checkpoint: that keeps {@code --resume} exact. Only
 * training passes masks; evaluation and generation never see one, so dropout cannot leak into them.
 *
 * @param inputs mask (batch, time, embedding) for the embedded decoder inputs
 * @param outputs mask (batch, time, hidden) for the GRU outputs
 */
public record DecoderDropout(NDArray inputs, NDArray outputs) {

    /**
     * Draws both masks for a decoder pass over (batch, time) inputs.
     *
     * @param probability the share of units dropped, in [0, 1); 0 gives null (no dropout)
     */
    public static DecoderDropout sample(
            NDManager manager,
            RandomGenerator random,
            double probability,
            ModelConfig config,
            long batch,
            long time) {
        if (probability == 0) {
            return null;
        }
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + probability);
        }
        return new DecoderDropout(
                mask(manager, random, probability, new Shape(batch, time, config.embeddingSize())),
                mask(manager, random, probability, new Shape(batch, time, config.hiddenSize())));
    }

    private static NDArray mask(
            NDManager manager, RandomGenerator random, double probability, Shape shape) {
        float kept = (float) (1 / (1 - probability));
        long count = shape.size();
        return HostArrays.floats(
                manager,
                shape,
                buffer -> {
                    for (long i = 0; i < count; i++) {
                        buffer.put(random.nextDouble() < probability ? 0f : kept);
                    }
                });
    }
}
