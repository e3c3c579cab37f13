package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.textvae.model.DecoderStep;

/**
 * Greedy choice: argmax of the logits. From a decoder state it asks the step, which finds the
 * argmax in native code without handing the logits back ({@link DecoderStep#mostLikely}).
 */
final class MostLikelyToken implements TokenChooser {

    static final MostLikelyToken INSTANCE = new MostLikelyToken();

    private MostLikelyToken() {}

    @Override
    public NDArray choose(NDArray logits, NDManager manager) {
        return logits.argMax(1).toType(DataType.INT64, false);
    }

    @Override
    public NDArray choose(DecoderStep step, NDArray state, NDArray bias, NDManager manager) {
        return step.mostLikely(state, bias);
    }
}
