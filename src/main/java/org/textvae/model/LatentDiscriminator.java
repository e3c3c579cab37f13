package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * FactorVAE's discriminator (Kim and Mnih 2018): an MLP over z with two logits, "drawn from q(z)"
 * (class 0) and "drawn from the product of its marginals" (class 1). Its logit difference estimates
 * the density ratio q(z) / Π_d q(z_d), whose mean over q(z) is the total correlation.
 */
public final class LatentDiscriminator extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float LEAK = 0.2f;

    private final int latentSize;
    private final Linear first;
    private final Linear second;
    private final Linear logits;

    public LatentDiscriminator(int latentSize, int width) {
        super(VERSION);
        this.latentSize = latentSize;
        first = addChildBlock("first", Linear.builder().setUnits(width).build());
        second = addChildBlock("second", Linear.builder().setUnits(width).build());
        logits = addChildBlock("logits", Linear.builder().setUnits(2).build());
    }

    /** Initialises the weights (seed the engine first). */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, latentSize));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray hidden = leakyRelu(first.forward(store, inputs, training).head());
        hidden = leakyRelu(second.forward(store, new NDList(hidden), training).head());
        return logits.forward(store, new NDList(hidden), training);
    }

    private static NDArray leakyRelu(NDArray x) {
        return x.maximum(x.mul(LEAK));
    }

    /**
     * The total-correlation estimate for a batch of z: mean of logit₀ − logit₁, i.e. of log D(z) /
     * (1 − D(z)) with D the probability of "from q(z)".
     */
    public NDArray totalCorrelation(ParameterStore store, NDArray z, boolean training) {
        NDArray out = forward(store, new NDList(z), training).head();
        return out.get(":, 0").sub(out.get(":, 1")).mean();
    }

    /**
     * The discriminator's loss: cross-entropy of z from q(z) as class 0 and of dimension-wise
     * permuted z as class 1, averaged over both halves.
     */
    public NDArray loss(ParameterStore store, NDArray z, NDArray permuted, boolean training) {
        NDArray real = forward(store, new NDList(z), training).head().logSoftmax(1);
        NDArray shuffled = forward(store, new NDList(permuted), training).head().logSoftmax(1);
        return real.get(":, 0").mean().add(shuffled.get(":, 1").mean()).mul(-0.5f);
    }

    /**
     * Samples from the product of q(z)'s marginals: each dimension's values shuffled across the
     * batch independently of the others. {@code permutations[d]} is dimension d's permutation.
     */
    public static NDArray permuteDimensions(NDArray z, int[][] permutations) {
        long batch = z.getShape().get(0);
        long width = z.getShape().get(1);
        long[] index = new long[(int) (batch * width)];
        for (int d = 0; d < width; d++) {
            for (int b = 0; b < batch; b++) {
                index[(int) (b * width + d)] = permutations[d][b];
            }
        }
        NDArray indices = HostArrays.longs(z.getManager(), index, new Shape(batch, width));
        return z.gather(indices, 0);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes[0]);
        Shape hidden = new Shape(1, first.getOutputShapes(inputShapes)[0].get(1));
        second.initialize(manager, dataType, hidden);
        logits.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2)};
    }
}
