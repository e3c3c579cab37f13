package org.textvae.generate;

import org.textvae.model.TokenBatch;

/**
 * The tokens that decoding never writes, as a bias on the logits: −∞ on each, so greedy choice,
 * sampling and beam search all pass them over.
 *
 * <p>Always banned: {@code <pad>} and {@code <bos>}, which only the model places, and {@code
 * <unk>}. A corpus's rare characters are all {@code <unk>} in training, so together they are a
 * likely token, yet written out it names no character: the default model wrote {@code
 * <unk><unk>尚未收} among 800 lines. Every line textvae writes is text a reader can use.
 */
final class NeverEmitted {

    private NeverEmitted() {}

    /**
     * The bias (vocabulary) to add to the logits.
     *
     * @param banned the caller's further ids never to emit
     * @param fixedLength also ban {@code <eos>}: the line must run to its full length
     */
    static float[] bias(
            int vocabularySize, TokenBatch.Specials specials, int[] banned, boolean fixedLength) {
        float[] values = new float[vocabularySize];
        values[specials.pad()] = Float.NEGATIVE_INFINITY;
        values[specials.bos()] = Float.NEGATIVE_INFINITY;
        values[specials.unk()] = Float.NEGATIVE_INFINITY;
        if (fixedLength) {
            values[specials.eos()] = Float.NEGATIVE_INFINITY;
        }
        for (int id : banned) {
            values[id] = Float.NEGATIVE_INFINITY;
        }
        return values;
    }
}
