package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The conditional language model p(x|z): z → initial GRU state (linear + tanh), optionally z
 * concatenated to every input embedding, a GRU, and a linear layer to the vocabulary. With tied
 * embeddings that layer is a projection to the embedding width followed by the transposed token
 * embedding (shared with the inputs) and a bias of its own.
 *
 * <p>Inputs: embedded decoder inputs (batch, time, embedding), the state to start from (1, batch,
 * hidden) and, when z is fed at every step, z (batch, latent). Outputs: logits (batch, time,
 * vocabulary) and the state after the last step, so generation can continue step by step from
 * exactly where it stopped.
 */
final class GruDecoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ModelConfig config;
    private final Linear latentToState;
    private final GRU gru;
    private final Linear toVocabulary;
    private final Linear toEmbedding;
    private final TokenEmbedding tiedEmbedding;
    private final Parameter outputBias;

    /**
     * @param embedding the token embedding, reused as the vocabulary layer when the config ties
     *     them; its weights belong to the network, not to this block
     */
    GruDecoder(ModelConfig config, TokenEmbedding embedding) {
        super(VERSION);
        this.config = config;
        latentToState =
                config.kind().hasLatent()
                        ? addChildBlock(
                                "latentToState",
                                Linear.builder().setUnits(config.hiddenSize()).build())
                        : null;
        gru =
                addChildBlock(
                        "gru",
                        GRU.builder()
                                .setStateSize(config.hiddenSize())
                                .setNumLayers(1)
                                .optBatchFirst(true)
                                .optReturnState(true)
                                .build());
        gru.setInitializer(
                new UniformInitializer((float) (1 / Math.sqrt(config.hiddenSize()))),
                Parameter.Type.WEIGHT);
        if (config.tiedEmbeddings()) {
            toVocabulary = null;
            tiedEmbedding = embedding;
            toEmbedding =
                    addChildBlock(
                            "toEmbedding",
                            Linear.builder().setUnits(config.embeddingSize()).build());
            outputBias =
                    addParameter(
                            Parameter.builder()
                                    .setName("outputBias")
                                    .setType(Parameter.Type.BIAS)
                                    .optShape(new Shape(config.vocabSize()))
                                    .build());
        } else {
            toVocabulary =
                    addChildBlock(
                            "toVocabulary", Linear.builder().setUnits(config.vocabSize()).build());
            tiedEmbedding = null;
            toEmbedding = null;
            outputBias = null;
        }
    }

    GRU gru() {
        return gru;
    }

    /**
     * The vocabulary layer as one (vocabulary, hidden) weight and a (vocabulary) bias, for the
     * stepwise decoder. Untied, these are the layer's own parameters; tied, the products E·P and
     * E·c + b, computed once into {@code manager}.
     */
    NDList vocabularyLayer(NDManager manager) {
        if (toVocabulary != null) {
            return new NDList(array(toVocabulary, "weight"), array(toVocabulary, "bias"));
        }
        NDArray table = tiedEmbedding.weight().getArray();
        NDArray weight;
        NDArray bias;
        // Products of the network's own arrays land in its manager; the scope closes the
        // intermediates, and the two results move to the caller's manager.
        try (NDScope scope = new NDScope()) {
            weight = table.matMul(array(toEmbedding, "weight"));
            bias =
                    table.matMul(array(toEmbedding, "bias").expandDims(1))
                            .squeeze(1)
                            .add(outputBias.getArray());
            NDScope.unregister(weight, bias);
        }
        weight.attach(manager);
        bias.attach(manager);
        return new NDList(weight, bias);
    }

    private static NDArray array(Linear layer, String name) {
        return layer.getParameters().get(name).getArray();
    }

    /**
     * The decoder's first state (1, batch, hidden): tanh(W z + b), zeros for the language model.
     */
    NDArray initialState(
            ParameterStore store, NDArray z, long batch, NDManager manager, boolean training) {
        if (latentToState == null) {
            return manager.zeros(new Shape(1, batch, config.hiddenSize()));
        }
        return latentToState.forward(store, new NDList(z), training).head().tanh().expandDims(0);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return run(
                store,
                inputs.get(0),
                inputs.get(1),
                inputs.size() > 2 ? inputs.get(2) : null,
                null,
                null,
                training);
    }

    /**
     * The decoder pass, with optional dropout masks on the GRU outputs and recurrent weights.
     *
     * @param z the latent codes, used only when z is fed at every step
     * @param outputMask (batch, time, hidden) multiplied into the GRU outputs; null for none
     * @param recurrentMask (3 × hidden, hidden) multiplied into the GRU's hidden-to-hidden weight
     *     for this pass; null for none
     */
    NDList run(
            ParameterStore store,
            NDArray embedded,
            NDArray state,
            NDArray z,
            NDArray outputMask,
            NDArray recurrentMask,
            boolean training) {
        if (config.latentAtEveryStep() && config.kind().hasLatent()) {
            Shape shape = embedded.getShape();
            NDArray repeated =
                    z.expandDims(1).broadcast(shape.get(0), shape.get(1), config.latentSize());
            embedded = embedded.concat(repeated, 2);
        }
        NDList recurrent =
                recurrentMask == null
                        ? gru.forward(store, new NDList(embedded, state), training)
                        : gruWithDroppedWeights(store, embedded, state, recurrentMask, training);
        // PyTorch returns batch-first GRU outputs as a transposed view; a linear layer on that
        // view takes a batched-matmul path five times slower than on rows laid out flat (the
        // profile of 'textvae bench' showed 25 ms instead of 5 ms per decoding step at batch 128).
        NDArray outputs = recurrent.get(0);
        if (outputMask != null) {
            outputs = outputs.mul(outputMask);
        }
        Shape shape = outputs.getShape();
        NDArray rows = outputs.reshape(shape.get(0) * shape.get(1), shape.get(2));
        NDArray logits =
                vocabularyLogits(store, rows, training)
                        .reshape(shape.get(0), shape.get(1), config.vocabSize());
        return new NDList(logits, recurrent.get(1));
    }

    /**
     * The GRU block's own computation, run through the engine's GRU op directly so that the
     * hidden-to-hidden weight can be replaced by its product with a mask. The gradient reaches the
     * weight through that product. The block's parameters are passed in the order it declares them,
     * which is the order it passes them itself.
     */
    private NDList gruWithDroppedWeights(
            ParameterStore store,
            NDArray embedded,
            NDArray state,
            NDArray recurrentMask,
            boolean training) {
        NDList weights = new NDList();
        for (var entry : gru.getParameters()) {
            NDArray value = store.getValue(entry.getValue(), embedded.getDevice(), training);
            // The mask comes first, so the product joins the batch's manager, not the model's.
            weights.add(entry.getKey().endsWith("h2h_WEIGHT") ? recurrentMask.mul(value) : value);
        }
        // The block's own settings: biases, one layer, no inter-layer dropout, one direction,
        // batch first.
        return embedded.getNDArrayInternal()
                .gru(embedded, state, weights, true, 1, 0, training, false, true);
    }

    /** Logits (rows, vocabulary) for GRU outputs laid out as rows (rows, hidden). */
    private NDArray vocabularyLogits(ParameterStore store, NDArray rows, boolean training) {
        if (toVocabulary != null) {
            return toVocabulary.forward(store, new NDList(rows), training).head();
        }
        NDArray projected = toEmbedding.forward(store, new NDList(rows), training).head();
        NDArray table = store.getValue(tiedEmbedding.weight(), rows.getDevice(), training);
        NDArray bias = store.getValue(outputBias, rows.getDevice(), training);
        // The projected rows come first, so the logits join the batch's manager.
        return Linear.linear(projected, table, bias).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        if (latentToState != null) {
            latentToState.initialize(manager, dataType, new Shape(1, config.latentSize()));
        }
        gru.initialize(
                manager, dataType, new Shape(new long[] {1, 1, config.decoderInputSize()}, "NTC"));
        Linear output = toVocabulary != null ? toVocabulary : toEmbedding;
        output.initialize(manager, dataType, new Shape(1, config.hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape embedded = inputShapes[0];
        return new Shape[] {
            new Shape(embedded.get(0), embedded.get(1), config.vocabSize()),
            new Shape(1, embedded.get(0), config.hiddenSize())
        };
    }
}
