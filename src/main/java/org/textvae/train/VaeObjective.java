package org.textvae.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import org.textvae.model.DecoderDropout;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelKind;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * The training objective of each model kind on one batch: reconstruction NLL plus β·KL for the VAE
 * (free bits optional), reconstruction alone for the autoencoder and the language model. Everything
 * is averaged over the batch's sentences and summed over their tokens.
 */
public final class VaeObjective {

    /**
     * The scalars of one batch.
     *
     * @param loss what is minimised
     * @param reconstruction mean −log p(x|z) per sentence
     * @param kl mean KL(q(z|x) ‖ p(z)) per sentence (0 for AE and LM)
     * @param z the latent codes used (null for the LM), for objectives that add terms on z
     */
    public record Terms(NDArray loss, NDArray reconstruction, NDArray kl, NDArray z) {}

    private VaeObjective() {}

    /**
     * Computes the objective.
     *
     * @param epsilon standard normal noise (batch, latent) for the VAE's sample; null otherwise
     */
    public static Terms compute(
            SentenceVaeNetwork network,
            ParameterStore store,
            TokenBatch batch,
            NDArray epsilon,
            float beta,
            float freeBits,
            boolean training) {
        return compute(network, store, batch, epsilon, beta, freeBits, null, training);
    }

    /**
     * Computes the objective with dropout in the decoder.
     *
     * @param dropout the decoder's dropout masks for this batch; null for none
     */
    public static Terms compute(
            SentenceVaeNetwork network,
            ParameterStore store,
            TokenBatch batch,
            NDArray epsilon,
            float beta,
            float freeBits,
            DecoderDropout dropout,
            boolean training) {
        ModelKind kind = network.config().kind();
        NDArray targets = batch.targets();
        long size = batch.size();
        if (!kind.hasLatent()) {
            NDArray state = network.initialState(store, null, size, targets.getManager(), training);
            NDArray logits =
                    network.decode(store, null, batch.decoderInputs(), state, dropout, training)
                            .head();
            NDArray reconstruction = LossTerms.reconstruction(logits, targets, batch.mask()).mean();
            return new Terms(
                    reconstruction,
                    reconstruction,
                    targets.getManager().zeros(reconstruction.getShape()),
                    null);
        }
        Posterior posterior = network.encode(store, batch.encoderIds(), batch.lengths(), training);
        NDArray z = kind.samplesLatent() ? posterior.sample(epsilon) : posterior.mean();
        NDArray state = network.initialState(store, z, size, targets.getManager(), training);
        NDArray logits =
                network.decode(store, z, batch.decoderInputs(), state, dropout, training).head();
        NDArray reconstruction = LossTerms.reconstruction(logits, targets, batch.mask()).mean();
        if (!kind.samplesLatent()) {
            return new Terms(
                    reconstruction,
                    reconstruction,
                    targets.getManager().zeros(reconstruction.getShape()),
                    z);
        }
        NDArray kl = LossTerms.kl(posterior.mean(), posterior.logVariance()).mean();
        NDArray klTerm =
                freeBits > 0
                        ? LossTerms.klWithFreeBits(
                                posterior.mean(), posterior.logVariance(), freeBits)
                        : kl;
        return new Terms(reconstruction.add(klTerm.mul(beta)), reconstruction, kl, z);
    }
}
