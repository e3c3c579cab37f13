package org.textvae.model;

/**
 * The shape of a sentence VAE. Saved in every checkpoint beside the weights, so loading never
 * guesses.
 *
 * @param kind VAE, plain autoencoder or language model
 * @param vocabSize number of token ids, specials included
 * @param embeddingSize token embedding width, shared by encoder and decoder
 * @param hiddenSize GRU state width (each encoder direction and the decoder)
 * @param latentSize dimension of z
 * @param latentAtEveryStep also feed z, concatenated to the input embedding, at every decoder step
 * @param tiedEmbeddings the vocabulary layer reuses the token embedding: logits = (P h + c) Eᵀ + b,
 *     with P a hidden → embedding projection (Press and Wolf 2017; Inan et al. 2017). Absent from
 *     checkpoints written before it existed, which read as false.
 */
public record ModelConfig(
        ModelKind kind,
        int vocabSize,
        int embeddingSize,
        int hiddenSize,
        int latentSize,
        boolean latentAtEveryStep,
        boolean tiedEmbeddings) {

    /** The four special tokens and at least one word. */
    public static final int MINIMUM_VOCABULARY = 5;

    public ModelConfig {
        if (kind == null) {
            throw new IllegalArgumentException("model kind must be given");
        }
        requirePositive("vocabulary size", vocabSize);
        requirePositive("embedding size", embeddingSize);
        requirePositive("hidden size", hiddenSize);
        requirePositive("latent size", latentSize);
        if (vocabSize < MINIMUM_VOCABULARY) {
            throw new IllegalArgumentException(
                    "vocabulary size must exceed the four special tokens, got " + vocabSize);
        }
    }

    /** A model whose vocabulary layer has its own weights. */
    public ModelConfig(
            ModelKind kind,
            int vocabSize,
            int embeddingSize,
            int hiddenSize,
            int latentSize,
            boolean latentAtEveryStep) {
        this(kind, vocabSize, embeddingSize, hiddenSize, latentSize, latentAtEveryStep, false);
    }

    /** Bowman-like sizes: embedding 300, hidden 256, latent 32, z only in the initial state. */
    public static ModelConfig defaults(int vocabSize) {
        return new ModelConfig(ModelKind.VAE, vocabSize, 300, 256, 32, false);
    }

    /** One line for logs, e.g. "VAE, embedding 300, hidden 256, latent 32, tied embeddings". */
    public String summary() {
        StringBuilder line =
                new StringBuilder(
                        String.format(
                                "%s, embedding %d, hidden %d", kind, embeddingSize, hiddenSize));
        if (kind.hasLatent()) {
            line.append(", latent ").append(latentSize);
            if (latentAtEveryStep) {
                line.append(", z at every step");
            }
        }
        if (tiedEmbeddings) {
            line.append(", tied embeddings");
        }
        return line.toString();
    }

    /** Width of the decoder's per-step input. */
    public int decoderInputSize() {
        return latentAtEveryStep && kind.hasLatent() ? embeddingSize + latentSize : embeddingSize;
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
