package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * The decoder's vocabulary layer as generation runs it: oneDNN's inner product on a weight laid out
 * for it once, and the greedy argmax found blockwise, through {@code vocabulary-layer.pt} (its
 * source, and the command that writes it: {@code src/main/torchscript/vocabulary_layer.py}).
 *
 * <p>Why: in a profile of batched greedy generation, MKL repacked the weight before every product
 * (9% of the samples) and PyTorch's argmax over the last dimension, which compares one element at a
 * time, took 11%. The inner product computes what the linear layer computes, summed in another
 * order: logits agree to a few units in the last place, and a row's logits do not depend on the
 * other rows in its batch ({@code PackedVocabularyLayerTest}).
 *
 * <p>Read-only after construction, so threads may share it.
 */
final class PackedVocabularyLayer {

    private static final String RESOURCE = "vocabulary-layer.pt";

    /** Rows the weight's layout is chosen for: generation's batch ({@code ChunkedDecoding}). */
    private static final int LAYOUT_ROWS = 128;

    /** Vocabulary entries per block of the two-level argmax: 64 and 128 measured alike. */
    static final int BLOCK = 64;

    /** Loaded on first use, once per JVM; the module holds no state, so threads may share it. */
    private static final class Holder {
        private static final PtSymbolBlock MODULE =
                TorchScriptMethods.load(PackedVocabularyLayer.class, RESOURCE);
    }

    private final NDArray packedWeight;

    private PackedVocabularyLayer(NDArray packedWeight) {
        this.packedWeight = packedWeight;
    }

    /** Lays out {@code weight} (vocabulary, hidden) for the product, in {@code manager}. */
    static PackedVocabularyLayer of(NDArray weight, NDManager manager) {
        return new PackedVocabularyLayer(
                run(
                        "forward",
                        manager,
                        IValue.from((PtNDArray) weight),
                        IValue.from((long) LAYOUT_ROWS)));
    }

    /** state · weightᵀ + bias, (rows, vocabulary), in state's manager. */
    NDArray logits(NDArray state, NDArray bias) {
        return run(
                "logits",
                state.getManager(),
                IValue.from((PtNDArray) state),
                IValue.from((PtNDArray) packedWeight),
                IValue.from((PtNDArray) bias));
    }

    /** Each row's greedy token (int64, rows): argmax of {@link #logits}; in state's manager. */
    NDArray mostLikely(NDArray state, NDArray bias) {
        return run(
                "most_likely",
                state.getManager(),
                IValue.from((PtNDArray) state),
                IValue.from((PtNDArray) packedWeight),
                IValue.from((PtNDArray) bias),
                IValue.from((long) BLOCK));
    }

    /** argmax(values, 1) (int64) of a matrix, found blockwise; in values' manager. */
    static NDArray firstMax(NDArray values, int block) {
        return run(
                "first_max",
                values.getManager(),
                IValue.from((PtNDArray) values),
                IValue.from((long) block));
    }

    private static NDArray run(String method, NDManager manager, IValue... inputs) {
        try (IValue result = IValueUtils.runMethod(Holder.MODULE, method, inputs)) {
            return result.toTensor((PtNDManager) manager);
        } finally {
            for (IValue input : inputs) {
                input.close();
            }
        }
    }
}
