package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * The vocabulary layer and argmax of greedy decoding in one call, through {@code
 * greedy-vocabulary.pt} (its source, and the command that writes it: {@code
 * src/main/torchscript/greedy_vocabulary.py}).
 *
 * <p>Why: in a profile of batched generation, MKL repacked the vocabulary layer's weight before
 * every product (9% of the samples) and PyTorch's argmax over the last dimension, which compares
 * one element at a time, took 11%. Here the product is taken transposed, which MKL runs without
 * repacking the weight, and the first maximum of each column is found blockwise with vectorised
 * maxima. From {@link #MIN_ROWS} rows up the tokens are those of linear and argmax, and the logits
 * the same bit for bit ({@code GreedyVocabularyKernelTest}).
 */
final class GreedyVocabularyKernel {

    private static final String RESOURCE = "greedy-vocabulary.pt";

    /** Rows from which MKL's transposed product matches the linear layer's bit for bit. */
    static final int MIN_ROWS = 16;

    /** Vocabulary entries per block of the two-level argmax: 64 and 128 measured alike. */
    static final int BLOCK = 64;

    private GreedyVocabularyKernel() {}

    /** Loaded on first use, once per JVM; the module holds no state, so threads may share it. */
    private static final class Holder {
        private static final PtSymbolBlock MODULE =
                TorchScriptMethods.load(GreedyVocabularyKernel.class, RESOURCE);
    }

    /**
     * Each row's greedy token (int64, rows): argmax over state · weightᵀ + bias, the first one on
     * ties; in state's manager.
     */
    static NDArray mostLikely(NDArray state, NDArray weight, NDArray bias) {
        return run(
                "forward",
                state,
                IValue.from((PtNDArray) state),
                IValue.from((PtNDArray) weight),
                IValue.from((PtNDArray) bias),
                IValue.from((long) BLOCK));
    }

    /** (state · weightᵀ + bias)ᵀ, (vocabulary, rows), as {@link #mostLikely} computes it. */
    static NDArray transposedLogits(NDArray state, NDArray weight, NDArray bias) {
        return run(
                "transposed_logits",
                state,
                IValue.from((PtNDArray) state),
                IValue.from((PtNDArray) weight),
                IValue.from((PtNDArray) bias));
    }

    /** argmax(values, 0) (int64) of a matrix, found blockwise; in values' manager. */
    static NDArray columnFirstMax(NDArray values, int block) {
        return run(
                "column_first_max",
                values,
                IValue.from((PtNDArray) values),
                IValue.from((long) block));
    }

    /** Runs a method of the module; its result lands in {@code first}'s manager. */
    private static NDArray run(String method, NDArray first, IValue... inputs) {
        try (IValue result = IValueUtils.runMethod(Holder.MODULE, method, inputs)) {
            return result.toTensor((PtNDManager) first.getManager());
        } finally {
            for (IValue input : inputs) {
                input.close();
            }
        }
    }
}
