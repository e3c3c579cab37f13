package org.textvae.train;

import ai.djl.ndarray.NDManager;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * What a run trains and everything that changes with it: the network, Adam's moments and, with the
 * total-correlation penalty, FactorVAE's discriminator; the manager they live in and the vocabulary
 * the checkpoints carry.
 *
 * @param factorVae null unless the job sets a total-correlation weight
 */
record Trainee(
        SentenceVaeNetwork network,
        AdamOptimizer optimizer,
        FactorVaePenalty factorVae,
        NDManager manager,
        Vocabulary vocabulary) {

    TokenBatch.Specials specials() {
        return TokenBatch.Specials.of(vocabulary);
    }
}
