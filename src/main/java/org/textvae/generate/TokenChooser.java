package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.textvae.model.DecoderStep;
import org.textvae.model.HostArrays;

/** Picks each row's next token from its logits (batch, vocabulary); returns ids (batch), int64. */
@FunctionalInterface
public interface TokenChooser {

    NDArray choose(NDArray logits, NDManager manager);

    /**
     * Picks from a decoder state (batch, hidden) through the step's vocabulary layer, with the
     * step's output bias. A chooser that needs less than the logits may say so here.
     */
    default NDArray choose(DecoderStep step, NDArray state, NDArray bias, NDManager manager) {
        return choose(step.logits(state, bias), manager);
    }

    /** The most likely token (the first one on ties): what greedy decoding means. */
    static TokenChooser greedy() {
        return MostLikelyToken.INSTANCE;
    }

    /**
     * A draw from softmax(logits / temperature), restricted to the {@code topK} most likely tokens
     * when {@code topK > 0}. One uniform number per row comes from {@code random} (so the seed
     * decides the draw on any engine); the inverse-CDF lookup runs in native code.
     */
    static TokenChooser sampling(double temperature, int topK, SplittableRandom random) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or positive, got " + topK);
        }
        return (logits, manager) -> {
            NDArray scaled = logits.div(temperature);
            long vocabulary = scaled.getShape().get(1);
            if (topK > 0 && topK < vocabulary) {
                NDArray threshold = scaled.topK(topK, 1).get(0).get(":, -1").expandDims(1);
                // A large finite penalty, not −∞: 0 × −∞ would turn kept logits into NaN.
                scaled =
                        scaled.sub(scaled.lt(threshold).toType(DataType.FLOAT32, false).mul(1e30f));
            }
            NDArray cumulative = scaled.softmax(1).cumSum(1);
            int rows = (int) scaled.getShape().get(0);
            NDArray u =
                    HostArrays.floats(
                            manager,
                            new Shape(rows, 1),
                            buffer -> {
                                for (int i = 0; i < rows; i++) {
                                    buffer.put((float) random.nextDouble());
                                }
                            });
            return cumulative
                    .lt(u)
                    .toType(DataType.INT64, false)
                    .sum(new int[] {1})
                    .clip(0, vocabulary - 1);
        };
    }
}
