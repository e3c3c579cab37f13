package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentence VAE of Bowman et al. (2016), "Generating Sentences from a Continuous Space": a
 * shared embedding, a bidirectional GRU encoder with linear heads for μ and log σ², and a GRU
 * decoder conditioned on z.
 *
 * <p>The network holds no randomness: ε and the dropout masks are passed in, so the caller's seeded
 * generator decides every sample. Without masks nothing differs between training and generation
 * except gradient recording.
 */
public final class SentenceVaeNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ModelConfig config;
    private final TokenEmbedding embedding;
    private final BidirectionalGruEncoder encoder;
    private final Linear meanHead;
    private final Linear logVarianceHead;
    private final GruDecoder decoder;

    public SentenceVaeNetwork(ModelConfig config) {
        super(VERSION);
        this.config = config;
        embedding =
                addChildBlock(
                        "embedding",
                        new TokenEmbedding(config.vocabSize(), config.embeddingSize()));
        if (config.kind().hasLatent()) {
            encoder = addChildBlock("encoder", new BidirectionalGruEncoder(config.hiddenSize()));
            meanHead = addChildBlock("mean", latentHead());
            logVarianceHead = addChildBlock("logVariance", latentHead());
        } else {
            encoder = null;
            meanHead = null;
            logVarianceHead = null;
        }
        decoder = addChildBlock("decoder", new GruDecoder(config, embedding));
    }

    private Linear latentHead() {
        return Linear.builder().setUnits(config.latentSize()).build();
    }

    public ModelConfig config() {
        return config;
    }

    /** The number of trainable numbers in all parameters (after {@link #initialize}). */
    public long weightCount() {
        return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * The parameters that map a sentence to its code's mean: the encoder's GRUs and the mean head.
     * The embedding (shared with the decoder) and the log-variance head are not among them, so
     * training only these leaves everything generation uses as it was.
     */
    public List<Parameter> meanEncoderParameters() {
        if (encoder == null) {
            throw new IllegalStateException("a language model has no encoder");
        }
        List<Parameter> parameters = new ArrayList<>(encoder.getParameters().values());
        parameters.addAll(meanHead.getParameters().values());
        return parameters;
    }

    /** Initialises every parameter (seed the engine first for repeatable weights). */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, 1));
    }

    /**
     * q(z|x) for a batch of token ids (batch, time), int64.
     *
     * @param lengths each sentence's length (batch), int64; null when no sentence is padded
     */
    public Posterior encode(ParameterStore store, NDArray ids, NDArray lengths, boolean training) {
        if (encoder == null) {
            throw new IllegalStateException("a language model has no encoder");
        }
        NDArray embedded = embedding.forward(store, new NDList(ids), training).head();
        NDList encoderInputs =
                lengths == null ? new NDList(embedded) : new NDList(embedded, lengths);
        NDArray summary = encoder.forward(store, encoderInputs, training).head();
        NDArray mean = meanHead.forward(store, new NDList(summary), training).head();
        NDArray logVariance = logVarianceHead.forward(store, new NDList(summary), training).head();
        return new Posterior(mean, logVariance);
    }

    /** The decoder's first state for latent codes z (batch, latent); z is ignored by an LM. */
    public NDArray initialState(
            ParameterStore store, NDArray z, long batch, NDManager manager, boolean training) {
        return decoder.initialState(store, z, batch, manager, training);
    }

    /**
     * Runs the decoder over input ids (batch, time) from a state (1, batch, hidden).
     *
     * @return logits (batch, time, vocabulary) and the state after the last step
     */
    public NDList decode(
            ParameterStore store, NDArray z, NDArray inputIds, NDArray state, boolean training) {
        return decode(store, z, inputIds, state, null, training);
    }

    /**
     * {@link #decode(ParameterStore, NDArray, NDArray, NDArray, boolean)} with dropout masks for
     * training.
     *
     * @param dropout the masks for this pass; null for none
     */
    public NDList decode(
            ParameterStore store,
            NDArray z,
            NDArray inputIds,
            NDArray state,
            DecoderDropout dropout,
            boolean training) {
        NDArray embedded = embedding.forward(store, new NDList(inputIds), training).head();
        if (dropout != null && dropout.inputs() != null) {
            embedded = embedded.mul(dropout.inputs());
        }
        return decoder.run(
                store,
                embedded,
                state,
                config.latentAtEveryStep() ? z : null,
                dropout == null ? null : dropout.outputs(),
                dropout == null ? null : dropout.recurrentWeights(),
                training);
    }

    /**
     * The whole training forward pass. Inputs: encoder ids (batch, time), decoder input ids (batch,
     * time + 1) and ε (batch, latent). Outputs: logits, μ, log σ² (μ and log σ² are empty for a
     * language model).
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray decoderInputs = inputs.get(1);
        long batch = decoderInputs.getShape().get(0);
        NDManager manager = decoderInputs.getManager();
        if (!config.kind().hasLatent()) {
            NDArray state = initialState(store, null, batch, manager, training);
            return new NDList(decode(store, null, decoderInputs, state, training).head());
        }
        Posterior posterior = encode(store, inputs.get(0), null, training);
        NDArray z =
                config.kind().samplesLatent() ? posterior.sample(inputs.get(2)) : posterior.mean();
        NDArray state = initialState(store, z, batch, manager, training);
        NDArray logits = decode(store, z, decoderInputs, state, training).head();
        return new NDList(logits, posterior.mean(), posterior.logVariance());
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, 1));
        Shape embedded = new Shape(1, 1, config.embeddingSize());
        if (encoder != null) {
            encoder.initialize(manager, dataType, embedded);
            Shape summary = new Shape(1, 2L * config.hiddenSize());
            meanHead.initialize(manager, dataType, summary);
            logVarianceHead.initialize(manager, dataType, summary);
        }
        decoder.initialize(manager, dataType, embedded, new Shape(1, 1, config.hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape decoderInputs = inputShapes.length > 1 ? inputShapes[1] : inputShapes[0];
        return new Shape[] {
            new Shape(decoderInputs.get(0), decoderInputs.get(1), config.vocabSize())
        };
    }

    GruDecoder decoder() {
        return decoder;
    }

    TokenEmbedding embedding() {
        return embedding;
    }

    /** Exposed for tests that check the encoder against a hand-run reference. */
    BidirectionalGruEncoder encoder() {
        return encoder;
    }
}
