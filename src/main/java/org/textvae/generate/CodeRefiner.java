package org.textvae.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.textvae.model.HostArrays;
import org.textvae.model.LossTerms;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * Moves posterior means towards the mode of the model's posterior p(z|x) ∝ p(x|z) p(z) ({@link
 * Refinement}). The network's weights stay frozen: only the codes carry gradients. Steps are taken
 * on u in z = μ + σ·u, so that one step moves each coordinate about as far as the posterior is
 * wide.
 *
 * <p>A line stops as soon as its code writes it: before the first step and every {@link
 * #CHECK_EVERY} steps the codes still moving are decoded greedily, and those that give their line
 * back are kept as they are. Most lines come back from the mean, so most cost one decoding; the
 * rest are refined together, in batches of {@link SentenceEncoder#ROWS}, each in a manager of its
 * own.
 */
final class CodeRefiner {

    /** Steps between checks of which codes already write their line. */
    static final int CHECK_EVERY = 5;

    // Adam written out rather than training's FusedAdamKernel: the codes are a few thousand
    // floats, where one fused pass saves nothing, and they are no network's parameters.
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
     * Refined codes, one row per sentence, in order, and what is already known of their greedy
     * decoding.
     *
     * @param codes the codes
     * @param written {@code written[i]} is the sentence itself when code i was seen to write it
     *     (greedy decoding would only write it again); null where it was not
     */
    record Refined(float[][] codes, String[] written) {}

    /**
     * Refined codes, one row per sentence, in order.
     *
     * @param sentences token ids, without specials
     * @param posteriors their posteriors, in the same order
     * @param lines the sentences as text, which a code must write to stop
     * @param write greedy decoding of codes to lines, in order
     */
    Refined refine(
            NDManager parent,
            List<int[]> sentences,
            SentenceEncoder.Posteriors posteriors,
            List<String> lines,
            Function<float[][], List<String>> write,
            Refinement refinement) {
        int n = sentences.size();
        int latent = network.config().latentSize();
        float[][] u = new float[n][latent];
        float[][] first = new float[n][latent];
        float[][] second = new float[n][latent];
        List<Integer> moving = allOf(n);
        int taken = 0;
        while (taken < refinement.steps()) {
            moving = stillWrong(moving, codes(posteriors, u, moving), lines, write);
            if (moving.isEmpty()) {
                break;
            }
            int steps = Math.min(CHECK_EVERY, refinement.steps() - taken);
            for (int from = 0; from < moving.size(); from += SentenceEncoder.ROWS) {
                List<Integer> rows =
                        moving.subList(from, Math.min(moving.size(), from + SentenceEncoder.ROWS));
                try (NDManager call = parent.newSubManager()) {
                    new Batch(call, sentences, posteriors, rows, u, first, second)
                            .step(taken, steps, refinement.rate());
                }
            }
            taken += steps;
        }
        String[] written = lines.toArray(String[]::new);
        moving.forEach(i -> written[i] = null);
        return new Refined(codes(posteriors, u, allOf(n)), written);
    }

    /** The rows of {@code rows} whose codes do not yet write their line. */
    private static List<Integer> stillWrong(
            List<Integer> rows,
            float[][] codes,
            List<String> lines,
            Function<float[][], List<String>> write) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> written = write.apply(codes);
        List<Integer> wrong = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            if (!written.get(k).equals(lines.get(rows.get(k)))) {
                wrong.add(rows.get(k));
            }
        }
        return wrong;
    }

    /** μ + σ·u of the given rows. */
    private static float[][] codes(
            SentenceEncoder.Posteriors posteriors, float[][] u, List<Integer> rows) {
        float[][] codes = new float[rows.size()][];
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            float[] mean = posteriors.means()[i];
            float[] sigma = posteriors.sigmas()[i];
            codes[k] = new float[mean.length];
            for (int d = 0; d < mean.length; d++) {
                codes[k][d] = mean[d] + sigma[d] * u[i][d];
            }
        }
        return codes;
    }

    private static List<Integer> allOf(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** Some rows' state in native memory: their tokens, posteriors, u and Adam's moments. */
    private final class Batch {

        private final List<Integer> rows;
        private final float[][] u;
        private final float[][] first;
        private final float[][] second;
        private final NDManager call;
        private final ParameterStore store;
        private final TokenBatch batch;
        private final NDArray mean;
        private final NDArray sigma;

        Batch(
                NDManager call,
                List<int[]> sentences,
                SentenceEncoder.Posteriors posteriors,
                List<Integer> rows,
                float[][] u,
                float[][] first,
                float[][] second) {
            this.call = call;
            this.rows = rows;
            this.u = u;
            this.first = first;
            this.second = second;
            this.store = new ParameterStore(call, false);
            List<int[]> ids = new ArrayList<>(rows.size());
            rows.forEach(i -> ids.add(sentences.get(i)));
            this.batch = TokenBatch.of(call, ids, specials, 0, null);
            this.mean = upload(posteriors.means());
            this.sigma = upload(posteriors.sigmas());
        }

        /** Takes {@code steps} Adam steps after {@code taken}, then stores u and the moments. */
        void step(int taken, int steps, float rate) {
            NDArray position = upload(u);
            NDArray m = upload(first);
            NDArray v = upload(second);
            for (int step = taken + 1; step <= taken + steps; step++) {
                position.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray z = mean.add(sigma.mul(position));
                    NDArray state = network.initialState(store, z, rows.size(), call, false);
                    NDArray logits =
                            network.decode(store, z, batch.decoderInputs(), state, false).head();
                    NDArray negativeLogLikelihood =
                            LossTerms.reconstruction(logits, batch.targets(), batch.mask());
                    // −log p(z) under N(0, I), up to a constant: the model's own prior.
                    NDArray prior = z.square().sum(new int[] {1}).mul(0.5f);
                    collector.backward(negativeLogLikelihood.add(prior).sum());
                }
                NDArray gradient = position.getGradient();
                m = m.mul(BETA1).add(gradient.mul(1 - BETA1));
                v = v.mul(BETA2).add(gradient.square().mul(1 - BETA2));
                float firstCorrection = (float) (1 - Math.pow(BETA1, step));
                float secondCorrection = (float) (1 - Math.pow(BETA2, step));
                NDArray move =
                        m.div(firstCorrection)
                                .div(v.div(secondCorrection).sqrt().add(EPSILON))
                                .mul(rate);
                // A new leaf each step: the old one's graph and gradient stay behind in the call.
                position = position.stopGradient().sub(move);
            }
            download(new NDList(position, m, v), List.of(u, first, second));
        }

        private NDArray upload(float[][] all) {
            int width = all[0].length;
            float[] flat = new float[rows.size() * width];
            for (int k = 0; k < rows.size(); k++) {
                System.arraycopy(all[rows.get(k)], 0, flat, k * width, width);
            }
            return HostArrays.floats(call, flat, new Shape(rows.size(), width));
        }

        private void download(NDList arrays, List<float[][]> targets) {
            for (int a = 0; a < arrays.size(); a++) {
                float[] flat = arrays.get(a).toFloatArray();
                float[][] target = targets.get(a);
                int width = target[0].length;
                for (int k = 0; k < rows.size(); k++) {
                    target[rows.get(k)] = Arrays.copyOfRange(flat, k * width, (k + 1) * width);
                }
            }
        }
    }
}
