package org.textvae.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.file.Path;
import org.textvae.model.Checkpoint;
import org.textvae.model.SentenceVaeNetwork;

/**
 * Puts a live run back to its best checkpoint: weights, Adam's moments and FactorVAE's
 * discriminator, copied into the arrays the run already trains, so the optimizer and the loop carry
 * on with the same objects. Adam's step count stays the run's, which is what {@code --resume}
 * restores it to.
 */
final class BestWeights {

    private BestWeights() {}

    static void restore(
            Path best,
            long steps,
            SentenceVaeNetwork network,
            AdamOptimizer optimizer,
            FactorVaePenalty factorVae,
            NDManager manager) {
        Checkpoint checkpoint = Checkpoint.read(best);
        try (NDManager scratch = manager.newSubManager()) {
            PairList<String, Parameter> live = network.getParameters();
            PairList<String, Parameter> saved = checkpoint.network(scratch).getParameters();
            for (int i = 0; i < live.size(); i++) {
                Pair<String, Parameter> target = live.get(i);
                if (!target.getKey().equals(saved.get(i).getKey())) {
                    throw new IllegalStateException(
                            "best checkpoint's weights are in another order: " + target.getKey());
                }
                AdamOptimizer.copyInPlace(
                        target.getValue().getArray(), saved.get(i).getValue().getArray());
            }
            optimizer.restore(ResumeEntries.optimizerState(checkpoint, scratch, best), steps);
        }
        if (factorVae != null) {
            factorVae.restoreFrom(checkpoint.extras(), manager, steps);
        }
    }
}
