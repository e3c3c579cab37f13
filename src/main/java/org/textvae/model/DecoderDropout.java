package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/**
 * Dropout on the decoder's input embeddings and on its GRU outputs before the vocabulary layer, and
 * optionally on its GRU's hidden-to-hidden weights (DropConnect, Merity et al. 2017: one mask for
 * every step of a batch, so the recurrence itself is regularised without a fresh mask per step), as
 * masks of 0 and 1/(1 − p) (inverted dropout, so nothing needs rescaling when it is off).
 *
 * <p>The masks are drawn in Java from the training step's seeded generator rather than by the
 * engine, whose random state is not in the checkpoint: that keeps {@code --resume} exact. Only
 * training passes masks; evaluation and generation never see one, so dropout cannot leak into them.
 *
 * @param inputs mask (batch, time, embedding) for the embedded decoder inputs; null for none
 * @param outputs mask (batch, time, hidden) for the GRU outputs; null for none
 * @param recurrentWeights mask (3 × hidden, hidden) for the GRU's hidden-to-hidden weight; null for
 *     none
 */
public record DecoderDropout(NDArray inputs, NDArray outputs, NDArray recurrentWeights) {

    /** Masks on the inputs and outputs only. */
    public DecoderDropout(NDArray inputs, NDArray outputs) {
        this(inputs, outputs, null);
    }

    /**
     * Draws the input and output masks for a decoder pass over (batch, time) inputs.
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
        return sample(manager, random, probability, 0, config, batch, time);
    }

    /**
     * Draws the masks for a decoder pass over (batch, time) inputs: inputs and outputs first, then
     * the recurrent weights, so a run without recurrent dropout draws exactly what it drew before
     * that option existed.
     *
     * @param probability the share of input and output units dropped, in [0, 1)
     * @param recurrentProbability the share of hidden-to-hidden weights dropped, in [0, 1)
     * @return the masks, null when both shares are 0
     */
    public static DecoderDropout sample(
            NDManager manager,
            RandomGenerator random,
            double probability,
            double recurrentProbability,
            ModelConfig config,
            long batch,
            long time) {
        check(probability, "dropout");
        check(recurrentProbability, "recurrent dropout");
        if (probability == 0 && recurrentProbability == 0) {
            return null;
        }
        NDArray inputs = null;
        NDArray outputs = null;
        if (probability > 0) {
            Shape units = new Shape(batch, time, config.embeddingSize());
            inputs = mask(manager, random, probability, units);
            outputs =
                    mask(manager, random, probability, new Shape(batch, time, config.hiddenSize()));
        }
        NDArray recurrent =
                recurrentProbability > 0
                        ? mask(
                                manager,
                                random,
                                recurrentProbability,
                                new Shape(3L * config.hiddenSize(), config.hiddenSize()))
                        : null;
        return new DecoderDropout(inputs, outputs, recurrent);
    }

    private static void check(double probability, String name) {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + probability);
        }
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
