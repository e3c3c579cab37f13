package org.textvae.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import org.textvae.model.HostArrays;
import org.textvae.model.LossTerms;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * Moves posterior means towards the mode of the model's posterior p(z|x) ∝ p(x|z) p(z) ({@link
 * Refinement}), a batch of {@link SentenceEncoder#ROWS} sentences at a time, each in a manager of
 * its own. The network's weights stay frozen: only the codes carry gradients. Steps are taken on u
 * in z = μ + σ·u, so that one step moves each coordinate about as far as the posterior is wide.
 */
final class CodeRefiner {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final SentenceVaeNetwork network;
    private final TokenBatch.Specials specials;

    CodeRefiner(SentenceVaeNetwork network, TokenBatch.Specials specials) {
        this.network = network;
        this.specials = specials;
    }

    /**
     * Refined codes, one row per sentence, in order.
     *
     * @param sentences token ids, without specials
     * @param posteriors their posteriors, in the same order
     */
    float[][] refine(
            NDManager parent,
            List<int[]> sentences,
            SentenceEncoder.Posteriors posteriors,
            Refinement refinement) {
        float[][] codes = new float[sentences.size()][];
        for (int from = 0; from < sentences.size(); from += SentenceEncoder.ROWS) {
            int to = Math.min(sentences.size(), from + SentenceEncoder.ROWS);
            try (NDManager call = parent.newSubManager()) {
                float[][] part =
                        refineBatch(
                                call,
                                sentences.subList(from, to),
                                Arrays.copyOfRange(posteriors.means(), from, to),
                                Arrays.copyOfRange(posteriors.sigmas(), from, to),
                                refinement);
                System.arraycopy(part, 0, codes, from, part.length);
            }
        }
        return codes;
    }

    private float[][] refineBatch(
            NDManager call,
            List<int[]> sentences,
            float[][] means,
            float[][] sigmas,
            Refinement refinement) {
        int rows = sentences.size();
        int latent = means[0].length;
        Shape shape = new Shape(rows, latent);
        ParameterStore store = new ParameterStore(call, false);
        TokenBatch batch = TokenBatch.of(call, sentences, specials, 0, null);
        NDArray mean = HostArrays.floats(call, flatten(means), shape);
        NDArray sigma = HostArrays.floats(call, flatten(sigmas), shape);
        NDArray u = call.zeros(shape);
        NDArray first = call.zeros(shape);
        NDArray second = call.zeros(shape);
        for (int step = 1; step <= refinement.steps(); step++) {
            u.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray z = mean.add(sigma.mul(u));
                NDArray state = network.initialState(store, z, rows, call, false);
                NDArray logits =
                        network.decode(store, z, batch.decoderInputs(), state, false).head();
                NDArray negativeLogLikelihood =
                        LossTerms.reconstruction(logits, batch.targets(), batch.mask());
                // −log p(z) under N(0, I), up to a constant: the model's own prior.
                NDArray prior = z.square().sum(new int[] {1}).mul(0.5f);
                collector.backward(negativeLogLikelihood.add(prior).sum());
            }
            NDArray gradient = u.getGradient();
            first = first.mul(BETA1).add(gradient.mul(1 - BETA1));
            second = second.mul(BETA2).add(gradient.square().mul(1 - BETA2));
            float firstCorrection = (float) (1 - Math.pow(BETA1, step));
            float secondCorrection = (float) (1 - Math.pow(BETA2, step));
            NDArray move =
                    first.div(firstCorrection)
                            .div(second.div(secondCorrection).sqrt().add(EPSILON))
                            .mul(refinement.rate());
            // A new leaf each step: the old one's graph and gradient stay behind in the call.
            u = u.stopGradient().sub(move);
        }
        float[] flat = mean.add(sigma.mul(u)).toFloatArray();
        float[][] codes = new float[rows][];
        for (int i = 0; i < rows; i++) {
            codes[i] = Arrays.copyOfRange(flat, i * latent, (i + 1) * latent);
        }
        return codes;
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }
}
