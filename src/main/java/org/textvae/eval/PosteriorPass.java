package org.textvae.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.textvae.corpus.LengthBuckets;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelConfig;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * One deterministic pass over a data set: each sentence's posterior q(z|x) (for mutual information,
 * active units and the latent plot) and its teacher-forced reconstruction from z = μ (for token
 * accuracy: the share of target tokens, {@code <eos>} included, that are the decoder's most likely
 * token). A language model has no posterior; its accuracy is next-token accuracy.
 */
public final class PosteriorPass {

    /**
     * What the pass found; the posterior lists are empty for a language model.
     *
     * @param means μ per sentence, in batch order
     * @param logVariances log σ² per sentence, aligned with {@code means}
     * @param lengths tokens per sentence, aligned with {@code means}
     * @param correct target tokens predicted exactly
     * @param tokens target tokens, {@code <eos>} included
     * @param writtenBack sentences whose every target token is the decoder's argmax: exactly those
     *     that greedy decoding from μ writes back
     * @param negativeLogLikelihood −log p(x|z = μ) summed over the sentences
     */
    public record Result(
            List<float[]> means,
            List<float[]> logVariances,
            List<Integer> lengths,
            long correct,
            long tokens,
            long writtenBack,
            double negativeLogLikelihood) {
        /** Share of target tokens that the decoder's argmax gets right. */
        public double tokenAccuracy() {
            return tokens == 0 ? Double.NaN : correct / (double) tokens;
        }

        /** Share of sentences that greedy decoding from their mean writes back exactly. */
        public double writtenBackRate(int sentences) {
            return sentences == 0 ? Double.NaN : writtenBack / (double) sentences;
        }
    }

    private PosteriorPass() {}

    /**
     * Runs the pass over {@code sentences} (token ids without specials) in equal-length batches.
     */
    public static Result run(
            SentenceVaeNetwork network,
            NDManager parent,
            List<int[]> sentences,
            TokenBatch.Specials specials,
            int batchSize) {
        ModelConfig config = network.config();
        List<float[]> means = new ArrayList<>();
        List<float[]> logVariances = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        long correct = 0;
        long tokens = 0;
        long writtenBack = 0;
        double negativeLogLikelihood = 0;
        for (int[] members : new LengthBuckets(sentences, batchSize).epoch(0, 0)) {
            List<int[]> batchSentences = new ArrayList<>(members.length);
            for (int member : members) {
                batchSentences.add(sentences.get(member));
            }
            try (NDManager manager = parent.newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                TokenBatch batch = TokenBatch.of(manager, batchSentences, specials, 0, null);
                NDArray z = null;
                if (config.kind().hasLatent()) {
                    Posterior posterior = network.encode(store, batch.encoderIds(), null, false);
                    z = posterior.mean();
                    addRows(means, z.toFloatArray(), config.latentSize());
                    addRows(
                            logVariances,
                            posterior.logVariance().toFloatArray(),
                            config.latentSize());
                    for (int[] sentence : batchSentences) {
                        lengths.add(sentence.length);
                    }
                }
                NDArray state = network.initialState(store, z, batch.size(), manager, false);
                NDArray logits =
                        network.decode(store, z, batch.decoderInputs(), state, false).head();
                NDArray predicted = logits.argMax(2).toType(batch.targets().getDataType(), false);
                // One length per batch: no padding, every position is a target.
                NDArray right = predicted.eq(batch.targets());
                correct += right.sum().toType(DataType.INT64, false).getLong();
                writtenBack +=
                        right.toType(DataType.INT64, false)
                                .min(new int[] {1})
                                .sum()
                                .toType(DataType.INT64, false)
                                .getLong();
                negativeLogLikelihood +=
                        LossTerms.reconstruction(logits, batch.targets(), null).sum().getFloat();
                tokens += batch.tokenCount();
            }
        }
        return new Result(
                means, logVariances, lengths, correct, tokens, writtenBack, negativeLogLikelihood);
    }

    private static void addRows(List<float[]> rows, float[] flat, int width) {
        for (int start = 0; start < flat.length; start += width) {
            float[] row = new float[width];
            System.arraycopy(flat, start, row, 0, width);
            rows.add(row);
        }
    }
}
