package org.textvae.cli;

import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import picocli.CommandLine.Option;

/** The options of {@code train} that shape the network: its kind and its layers' sizes. */
final class ModelShapeOptions {

    @Option(
            names = "--model",
            paramLabel = "KIND",
            description = "vae, ae (deterministic autoencoder) or lm (no latent variable).")
    String kind;

    @Option(names = "--embedding", paramLabel = "N", description = "Embedding size.")
    int embedding;

    @Option(names = "--hidden", paramLabel = "N", description = "GRU state size.")
    int hidden;

    @Option(names = "--latent", paramLabel = "N", description = "Dimension of z.")
    int latent;

    @Option(names = "--z-every-step", description = "Also feed z to the decoder at every step.")
    boolean latentAtEveryStep;

    @Option(
            names = "--tie-embeddings",
            description =
                    "Reuse the token embedding as the vocabulary layer, after a projection from"
                            + " the GRU state to the embedding width (Press and Wolf 2017): fewer"
                            + " weights, and less work per token when the state is wider than the"
                            + " embedding.")
    boolean tiedEmbeddings;

    /** The kind asked for; refuses an unknown one with a usage error. */
    ModelKind kind() {
        return Options.modelKind(kind);
    }

    /** Named as typed, before the model's own checks would name its fields. */
    void refuseOutOfRangeNumbers() {
        Options.requirePositive("--embedding", embedding);
        Options.requirePositive("--hidden", hidden);
        Options.requirePositive("--latent", latent);
    }

    /** The network these options shape, over a vocabulary of {@code vocabSize} tokens. */
    ModelConfig config(int vocabSize) {
        return new ModelConfig(
                kind(), vocabSize, embedding, hidden, latent, latentAtEveryStep, tiedEmbeddings);
    }
}
