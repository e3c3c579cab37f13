package org.textvae.bench;

import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;

/**
 * A model and batch shape to measure at.
 *
 * @param name short label
 * @param vocabulary vocabulary size
 * @param embedding embedding size
 * @param hidden GRU state size
 * @param latent latent size
 * @param batch sentences per step
 * @param tokens target tokens per sentence, {@code <eos>} included
 */
public record Shape(
        String name, int vocabulary, int embedding, int hidden, int latent, int batch, int tokens) {

    /** The Penn Treebank shape of the reference figures. */
    public static final Shape PTB = new Shape("ptb", 10_000, 300, 256, 16, 32, 25);

    /** The Tang poems shape of the reference figures. */
    public static final Shape TANG = new Shape("tang", 8_400, 300, 256, 16, 128, 7);

    public static Shape named(String name) {
        return switch (name) {
            case "ptb" -> PTB;
            case "tang" -> TANG;
            default -> throw new IllegalArgumentException("unknown shape " + name);
        };
    }

    public ModelConfig model() {
        return new ModelConfig(ModelKind.VAE, vocabulary, embedding, hidden, latent, false);
    }

    /**
     * Floating-point operations of one training step per target token: forward multiply-adds of the
     * two encoder directions 3H(E+H) each, the decoder 3H(E+H) and the output layer HV, doubled for
     * multiply and add, and tripled for forward plus backward (the usual 1 + 2 rule).
     */
    public double trainingFlopsPerToken() {
        double encoder = 2.0 * 3 * hidden * (embedding + hidden);
        double decoder = 3.0 * hidden * (embedding + hidden);
        double output = (double) hidden * vocabulary;
        return 3 * 2 * (encoder + decoder + output);
    }
}
