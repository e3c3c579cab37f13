package org.textvae.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import java.util.List;
import org.textvae.model.TorchScriptMethods;

/**
 * One Adam step in one pass over memory: PyTorch's fused CPU kernel ({@code torch._fused_adam_}),
 * reached through a small TorchScript method shipped as {@code fused-adam.pt} (its source and the
 * command that writes it: {@code src/main/torchscript/fused_adam.py}).
 *
 * <p>Why: the same step written with DJL's element-wise calls read and wrote every parameter-sized
 * array about 36 times, 22–28 ms of a 170–190 ms Penn Treebank-shape training step
 * (docs/performance.md). The fused kernel reads the gradient and the moments once and writes the
 * moments and the weights once.
 */
final class FusedAdamKernel {

    private static final String RESOURCE = "fused-adam.pt";

    private FusedAdamKernel() {}

    /** Loaded on first use, once per JVM; the module holds no state between calls. */
    private static final class Holder {
        private static final PtSymbolBlock MODULE =
                TorchScriptMethods.load(FusedAdamKernel.class, RESOURCE);
    }

    /**
     * Clips the gradients to a global L2 norm of {@code maxNorm} (0: no clipping), takes Adam step
     * number {@code step} (1-based) on {@code weights} with the moments {@code first} and {@code
     * second}, and zeroes the gradients. All four lists run in the same parameter order.
     *
     * @return the gradient norm before clipping
     */
    static float step(
            List<NDArray> weights,
            List<NDArray> gradients,
            List<NDArray> first,
            List<NDArray> second,
            long step,
            float learningRate,
            float maxNorm) {
        IValue[] inputs = {
            IValue.listFrom(engineArrays(weights)),
            IValue.listFrom(engineArrays(gradients)),
            IValue.listFrom(engineArrays(first)),
            IValue.listFrom(engineArrays(second)),
            IValue.from((double) step),
            IValue.from((double) learningRate),
            IValue.from((double) maxNorm)
        };
        try (IValue norm = IValueUtils.runMethod(Holder.MODULE, "forward", inputs)) {
            return (float) norm.toDouble();
        } finally {
            for (IValue input : inputs) {
                input.close();
            }
        }
    }

    private static PtNDArray[] engineArrays(List<NDArray> arrays) {
        return arrays.stream().map(PtNDArray.class::cast).toArray(PtNDArray[]::new);
    }
}
