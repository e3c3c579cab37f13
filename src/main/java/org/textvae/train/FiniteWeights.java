package org.textvae.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.textvae.TextvaeException;
import org.textvae.model.SentenceVaeNetwork;

/**
 * The check before a checkpoint is written: weights that hold NaN or an infinity would replace the
 * last good checkpoint with one that can only produce NaN. Read on the host, as writing the
 * checkpoint reads them anyway.
 */
final class FiniteWeights {

    private FiniteWeights() {}

    /**
     * @throws TextvaeException NUMERIC, naming the step and the parameter, when a weight is not
     *     finite
     */
    static void require(SentenceVaeNetwork network, long step) {
        for (Pair<String, Parameter> entry : network.getParameters()) {
            Parameter parameter = entry.getValue();
            for (float value : parameter.getArray().toFloatArray()) {
                if (!Float.isFinite(value)) {
                    throw new TextvaeException(
                            TextvaeException.Kind.NUMERIC,
                            String.format(
                                    "training diverged at step %d (weights %s hold %s), so they"
                                            + " were not saved",
                                    step, entry.getKey(), value));
                }
            }
        }
    }

    /**
     * @throws TextvaeException NUMERIC when a validation's −ELBO is NaN or infinite: its weights
     *     are not worth saving, and training on would not recover them
     */
    static void requireFiniteValidation(double negativeElbo, long step) {
        if (!Double.isFinite(negativeElbo)) {
            throw new TextvaeException(
                    TextvaeException.Kind.NUMERIC,
                    String.format(
                            "training diverged at step %d (validation -ELBO %s), so its weights"
                                    + " were not saved",
                            step, negativeElbo));
        }
    }
}
