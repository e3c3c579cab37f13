package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/** Turns a batch of latent codes into token ids: greedily, by sampling or by beam search. */
final class CodeDecoder {

    private final StepwiseDecoder stepwise;
    private final BeamSearchDecoder beams;

    CodeDecoder(SentenceVaeNetwork network, TokenBatch.Specials specials, NDManager model) {
        this.stepwise = new StepwiseDecoder(network, specials, model);
        this.beams = new BeamSearchDecoder(network, specials);
    }

    /**
     * @param length exact tokens per line (0: until {@code <eos>} or {@code maxLength})
     * @param banned token ids never to emit, besides those {@link NeverEmitted} bans
     */
    List<int[]> greedy(NDManager call, NDArray z, int maxLength, int length, int[] banned) {
        return stepwise.decode(call, z, maxLength, length, banned, TokenChooser.greedy());
    }

    /** Greedy decoding restricted position by position, one line of masks per row of z. */
    List<int[]> masked(NDManager call, NDArray z, PositionMasks masks) {
        return stepwise.decode(call, z, masks, TokenChooser.greedy());
    }

    /**
     * @param seed seeds the draws when sampling (the caller's, per batch)
     */
    List<int[]> decode(NDManager call, NDArray z, DecodingOptions options, long seed) {
        if (options.beamWidth() > 1) {
            return beams.decode(call, z, options.maxLength(), options.beamWidth(), new int[0]);
        }
        TokenChooser chooser =
                options.sampling()
                        ? TokenChooser.sampling(
                                options.temperature(), options.topK(), new SplittableRandom(seed))
                        : TokenChooser.greedy();
        return stepwise.decode(call, z, options.maxLength(), 0, new int[0], chooser);
    }
}
