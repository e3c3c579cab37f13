package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * Training steps leave nothing behind: the arrays alive under the run's manager after 60 steps are
 * exactly those alive after the first few (weights, gradients, Adam moments).
 */
class NoLeakTest {

    @Test
    void manyTrainingStepsKeepTheNumberOfLiveArraysConstant() {
        TokenBatch.Specials specials = new TokenBatch.Specials(0, 1, 2, 3);
        TrainConfig config =
                TrainConfig.builder()
                        .epochs(1)
                        .maxSteps(0)
                        .batchSize(8)
                        .learningRate(1e-3f)
                        .wordDropout(0.25)
                        .klSchedule(new KlSchedule.Linear(100))
                        .freeBits(0.1f)
                        .seed(9)
                        .maxLength(32)
                        .logEvery(10)
                        .checkpointEvery(0)
                        .build();
        Random random = new Random(4);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(new ModelConfig(ModelKind.VAE, 30, 8, 8, 4, true));
            network.initialize(manager);
            try (AdamOptimizer optimizer =
                    new AdamOptimizer(new ArrayList<>(network.getParameters().values()), manager)) {
                TrainingStep step = new TrainingStep(network, optimizer, manager, config, specials);
                int afterWarmUp = 0;
                for (int i = 0; i < 60; i++) {
                    step.run(batch(random, i % 2 == 0), i, config.learningRate());
                    if (i == 4) {
                        afterWarmUp = manager.getManagedArrays().size();
                    }
                }
                assertEquals(afterWarmUp, manager.getManagedArrays().size());
            }
        }
    }

    /** Eight random sentences, of one length or (to exercise masks) of several. */
    private static List<int[]> batch(Random random, boolean sameLength) {
        List<int[]> sentences = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int[] ids = new int[sameLength ? 5 : 2 + random.nextInt(6)];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = 4 + random.nextInt(26);
            }
            sentences.add(ids);
        }
        return sentences;
    }
}
