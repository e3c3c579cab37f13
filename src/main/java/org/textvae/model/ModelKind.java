package org.textvae.model;

/** Which latent-variable model a network implements; all share the encoder and decoder. */
public enum ModelKind {
    /** Variational autoencoder: z ~ q(z|x), KL to N(0, I) (Bowman et al. 2016). */
    VAE,
    /** Deterministic autoencoder: z = μ, no KL, no sampling. */
    AE,
    /** GRU language model: the decoder alone, no latent variable (the honest NLL baseline). */
    LM;

    /** Whether the network has an encoder and a latent code at all. */
    public boolean hasLatent() {
        return this != LM;
    }

    /** Whether z is drawn from the posterior during training (rather than set to its mean). */
    public boolean samplesLatent() {
        return this == VAE;
    }
}
