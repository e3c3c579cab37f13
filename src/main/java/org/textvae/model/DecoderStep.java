package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;

/**
 * The decoder's recurrence for generation, one token at a time, computing what {@link
 * SentenceVaeNetwork#decode} computes with less work per step.
 *
 * <p>A GRU step multiplies its input by W_ih; when the input is a token's embedding that product
 * depends only on the token, so it is computed once for the whole vocabulary (a (vocabulary, 3 ×
 * hidden) table) and each step gathers rows of it. When z is fed at every step its share of the
 * product is the same at every step, so it is computed once per batch. Then each step is a gather,
 * the hidden-to-hidden product, the gate arithmetic of PyTorch's GRU (gates r, z, n) and the
 * vocabulary layer, whose bias can carry a caller's mask (−∞ on banned tokens) at no extra cost.
 * The vocabulary layer runs as a {@link PackedVocabularyLayer}, its weight laid out once for a
 * faster product, and greedy decoding takes its argmax there too.
 *
 * <p>Read-only after construction, so threads may share it. The precomputed arrays (the packed
 * vocabulary weight among them) live in the manager given to {@link #of}; the rest are the
 * network's own parameters, so the network must outlive it.
 */
public final class DecoderStep {

    private final int hidden;
    private final NDArray inputGates;
    private final NDArray latentWeight;
    private final NDArray hiddenWeight;
    private final NDArray hiddenBias;
    private final PackedVocabularyLayer vocabularyLayer;
    private final NDArray outputBias;

    private DecoderStep(
            int hidden,
            NDArray inputGates,
            NDArray latentWeight,
            NDArray hiddenWeight,
            NDArray hiddenBias,
            PackedVocabularyLayer vocabularyLayer,
            NDArray outputBias) {
        this.hidden = hidden;
        this.inputGates = inputGates;
        this.latentWeight = latentWeight;
        this.hiddenWeight = hiddenWeight;
        this.hiddenBias = hiddenBias;
        this.vocabularyLayer = vocabularyLayer;
        this.outputBias = outputBias;
    }

    /** Precomputes the step from a trained network's weights, into {@code manager}. */
    public static DecoderStep of(SentenceVaeNetwork network, NDManager manager) {
        ModelConfig config = network.config();
        GruDecoder decoder = network.decoder();
        int embedding = config.embeddingSize();
        NDArray inputWeight = parameter(decoder.gru(), "i2h_WEIGHT");
        NDArray table = parameter(network.embedding(), "weight");
        NDArray inputGates;
        try (NDArray tokenWeight = inputWeight.get(new NDIndex(":, :{}", embedding))) {
            inputGates =
                    Linear.linear(table, tokenWeight, parameter(decoder.gru(), "i2h_BIAS"))
                            .singletonOrThrow();
        }
        inputGates.attach(manager);
        NDArray latentWeight = null;
        if (config.latentAtEveryStep() && config.kind().hasLatent()) {
            latentWeight = inputWeight.get(new NDIndex(":, {}:", embedding));
            latentWeight.attach(manager);
        }
        NDList vocabularyLayer = decoder.vocabularyLayer(manager);
        NDArray vocabularyWeight = vocabularyLayer.get(0);
        PackedVocabularyLayer packed = PackedVocabularyLayer.of(vocabularyWeight, manager);
        if (config.tiedEmbeddings()) {
            // Tied, the weight was a product made for this step; only its packed copy is used.
            vocabularyWeight.close();
        }
        // The other weights are used as they are: they stay with the network that owns them.
        return new DecoderStep(
                config.hiddenSize(),
                inputGates,
                latentWeight,
                parameter(decoder.gru(), "h2h_WEIGHT"),
                parameter(decoder.gru(), "h2h_BIAS"),
                packed,
                vocabularyLayer.get(1));
    }

    private static NDArray parameter(Block block, String suffix) {
        for (var entry : block.getParameters()) {
            if (entry.getKey().endsWith(suffix)) {
                return entry.getValue().getArray();
            }
        }
        throw new IllegalStateException("no parameter ending in " + suffix);
    }

    /**
     * What z adds to every step's input gates, (batch, 3 × hidden); null when z is not fed at every
     * step. Compute it once per batch and pass it to each {@link #advance}.
     */
    public NDArray latentGates(NDArray z) {
        return latentWeight == null ? null : Linear.linear(z, latentWeight).singletonOrThrow();
    }

    /** The vocabulary layer's bias plus {@code extra} (vocabulary), e.g. −∞ on banned tokens. */
    public NDArray outputBias(NDArray extra) {
        // Called on the caller's array, so the sum lands in the caller's manager, not this one's.
        return extra.add(outputBias);
    }

    /**
     * One GRU step: the state (batch, hidden) after reading token ids (batch), int64.
     *
     * @param latentGates from {@link #latentGates}, or null
     */
    public NDArray advance(NDArray ids, NDArray state, NDArray latentGates) {
        // A gather through the ids, so the rows land in the caller's manager (like TokenEmbedding).
        NDArray gi =
                ids.getNDArrayInternal()
                        .embedding(ids, inputGates, SparseFormat.DENSE)
                        .singletonOrThrow();
        if (latentGates != null) {
            gi = gi.add(latentGates);
        }
        NDArray gh = Linear.linear(state, hiddenWeight, hiddenBias).singletonOrThrow();
        NDList input = gi.split(3, 1);
        NDList recurrent = gh.split(3, 1);
        NDArray reset = Activation.sigmoid(input.get(0).add(recurrent.get(0)));
        NDArray update = Activation.sigmoid(input.get(1).add(recurrent.get(1)));
        NDArray candidate = input.get(2).add(reset.mul(recurrent.get(2))).tanh();
        // (1 − u)·n + u·h, written as n + u·(h − n) to save an operation.
        return candidate.add(update.mul(state.sub(candidate)));
    }

    /**
     * Logits (batch, vocabulary) from a state (batch, hidden), with a bias from {@link
     * #outputBias}. They agree with the network's vocabulary layer to a few units in the last place
     * ({@link PackedVocabularyLayer}), and a row's logits do not depend on the rest of its batch.
     */
    public NDArray logits(NDArray state, NDArray bias) {
        return vocabularyLayer.logits(state, bias);
    }

    /**
     * Each row's greedy token (int64, batch): argmax of {@link #logits}, the first one on ties,
     * without handing the logits back to Java.
     */
    public NDArray mostLikely(NDArray state, NDArray bias) {
        return vocabularyLayer.mostLikely(state, bias);
    }

    /** Hidden units, for callers that shape states. */
    public int hiddenSize() {
        return hidden;
    }
}
