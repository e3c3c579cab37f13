package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * A bidirectional GRU built from two one-directional GRUs.
 *
 * <p>DJL 0.35.1's own bidirectional GRU hands PyTorch its weights in MXNet's order and fails on the
 * PyTorch engine, so the right-to-left direction is a second GRU run on each sequence reversed
 * <em>within its length</em>. Both directions' final states are read at each sentence's last real
 * step, so padding never reaches them.
 *
 * <p>Inputs: embedded tokens (batch, time, embedding) and, when the batch is padded, the lengths
 * (batch) as int64. Output: the two final states concatenated, (batch, 2 × hidden).
 */
final class BidirectionalGruEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hiddenSize;
    private final GRU leftToRight;
    private final GRU rightToLeft;

    BidirectionalGruEncoder(int hiddenSize) {
        super(VERSION);
        this.hiddenSize = hiddenSize;
        leftToRight = addChildBlock("leftToRight", oneDirection(hiddenSize));
        rightToLeft = addChildBlock("rightToLeft", oneDirection(hiddenSize));
    }

    private static GRU oneDirection(int hiddenSize) {
        GRU gru =
                GRU.builder()
                        .setStateSize(hiddenSize)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .optReturnState(true)
                        .build();
        // PyTorch's own GRU initialisation: U(-1/√H, 1/√H).
        gru.setInitializer(
                new UniformInitializer((float) (1 / Math.sqrt(hiddenSize))), Parameter.Type.WEIGHT);
        return gru;
    }

    GRU leftToRight() {
        return leftToRight;
    }

    GRU rightToLeft() {
        return rightToLeft;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray embedded = inputs.get(0);
        if (inputs.size() < 2) {
            // Every sequence fills the batch: the GRUs' own final states are the right ones.
            NDArray forwardState =
                    leftToRight.forward(store, new NDList(embedded), training).get(1);
            NDArray backwardState =
                    rightToLeft.forward(store, new NDList(embedded.flip(1)), training).get(1);
            return new NDList(forwardState.get(0).concat(backwardState.get(0), 1));
        }
        NDArray lengths = inputs.get(1);
        NDArray forwardOut = leftToRight.forward(store, new NDList(embedded), training).get(0);
        NDArray reversed = embedded.gather(reversalIndex(lengths, embedded.getShape()), 1);
        NDArray backwardOut = rightToLeft.forward(store, new NDList(reversed), training).get(0);
        return new NDList(lastReal(forwardOut, lengths).concat(lastReal(backwardOut, lengths), 1));
    }

    /** index[b, t, :] = len_b − 1 − t inside the sentence, t in the padding (which stays put). */
    private static NDArray reversalIndex(NDArray lengths, Shape shape) {
        long batch = shape.get(0);
        long time = shape.get(1);
        NDManager manager = lengths.getManager();
        NDArray steps = manager.arange(0, (int) time, 1, DataType.INT64).reshape(1, time);
        NDArray columnLengths = lengths.reshape(batch, 1);
        NDArray mirrored = columnLengths.sub(1).sub(steps);
        NDArray index =
                NDArrays.where(steps.lt(columnLengths), mirrored, steps.broadcast(batch, time));
        return index.reshape(batch, time, 1).broadcast(shape);
    }

    /** The output at each sequence's last real step: (batch, time, h) → (batch, h). */
    private static NDArray lastReal(NDArray outputs, NDArray lengths) {
        long batch = outputs.getShape().get(0);
        long width = outputs.getShape().get(2);
        NDArray index = lengths.sub(1).reshape(batch, 1, 1).broadcast(batch, 1, width);
        return outputs.gather(index, 1).squeeze(1);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape embedded = new Shape(new long[] {1, 1, inputShapes[0].get(2)}, "NTC");
        leftToRight.initialize(manager, dataType, embedded);
        rightToLeft.initialize(manager, dataType, embedded);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2L * hiddenSize)};
    }
}
