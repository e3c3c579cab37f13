package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * A lookup table from token ids (any shape, int64) to vectors; one table for encoder and decoder.
 */
final class TokenEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int dimension;
    private final Parameter weight;

    TokenEmbedding(int vocabSize, int dimension) {
        super(VERSION);
        this.dimension = dimension;
        weight =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabSize, dimension))
                                .optInitializer(new UniformInitializer(0.1f))
                                .build());
    }

    /** The table (vocabulary, dimension), which a tied vocabulary layer reuses. */
    Parameter weight() {
        return weight;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray table = store.getValue(weight, ids.getDevice(), training);
        // The ids come first so the result lands in the caller's (per-batch) manager.
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].addAll(new Shape(dimension))};
    }
}
