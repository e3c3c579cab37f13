package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The FactorVAE penalty is γ times the annealing weight times the discriminator's TC estimate, and
 * the discriminator, trained as in a run, finds dependence between dimensions where there is some.
 */
class FactorVaePenaltyTest {

    private static final float GAMMA = 6f;

    @Test
    void thePenaltyRisesWithTheKlAnnealingWeight() {
        try (NDManager manager = NDManager.newBaseManager();
                FactorVaePenalty factor = new FactorVaePenalty(GAMMA, 4, manager)) {
            ParameterStore store = new ParameterStore(manager, false);
            Random random = new Random(3);
            float[] codes = new float[8 * 4];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (float) (2 * random.nextGaussian());
            }
            NDArray z = manager.create(codes, new Shape(8, 4));
            for (double annealing : new double[] {0, 0.25, 1}) {
                FactorVaePenalty.Penalty penalty = factor.penalty(store, z, annealing);
                float estimate = penalty.totalCorrelation().getFloat();
                assertNotEquals(0f, estimate, "an untrained discriminator still gives an estimate");
                assertEquals(
                        GAMMA * annealing * estimate,
                        penalty.weighted().getFloat(),
                        1e-5 * Math.max(1, Math.abs(estimate)),
                        "weight " + annealing);
            }
        }
    }

    @Test
    void theDiscriminatorLearnsDependenceAndOnlyDependence() {
        // Dimensions that share a common factor have a large TC; independent ones have none.
        double[] dependent = trainedEstimate(true);
        double[] independent = trainedEstimate(false);
        assertTrue(
                dependent[0] < 0.6, "loss below chance (ln 2) on dependent codes: " + dependent[0]);
        assertTrue(dependent[1] > 0.5, "a clearly positive TC: " + dependent[1]);
        assertTrue(Math.abs(independent[1]) < 0.2, "about no TC: " + independent[1]);
    }

    @Test
    void theDiscriminatorSeesDependenceThatSpansBatches() {
        // Like length-bucketed batches: within a batch the dimensions are independent, but each
        // batch is shifted as a whole (its "length"), so over the pool they move together.
        double[] trained =
                trainedEstimate(
                        12,
                        (step, random) -> {
                            double shift = step % 2 == 0 ? 1.5 : -1.5;
                            float[] codes = new float[128 * 4];
                            for (int i = 0; i < codes.length; i++) {
                                codes[i] = (float) (shift + random.nextGaussian());
                            }
                            return codes;
                        });
        assertTrue(trained[0] < 0.6, "below chance (ln 2 = 0.69) across batches: " + trained[0]);
    }

    /** Codes (128 rows of 4) for one training step. */
    private interface CodeSource {
        float[] batch(int step, SplittableRandom random);
    }

    /** Codes whose dimensions share a common factor, or are independent. */
    private static double[] trainedEstimate(boolean shared) {
        return trainedEstimate(
                11,
                (step, random) -> {
                    float[] codes = new float[128 * 4];
                    for (int b = 0; b < 128; b++) {
                        double common = random.nextGaussian();
                        for (int d = 0; d < 4; d++) {
                            double own = random.nextGaussian();
                            codes[b * 4 + d] = (float) (shared ? common + 0.3 * own : own);
                        }
                    }
                    return codes;
                });
    }

    /** The discriminator's loss and TC estimate, averaged over the last 50 of 300 steps. */
    private static double[] trainedEstimate(long seed, CodeSource source) {
        try (NDManager manager = NDManager.newBaseManager();
                FactorVaePenalty factor = new FactorVaePenalty(GAMMA, 4, manager)) {
            ParameterStore store = new ParameterStore(manager, false);
            SplittableRandom random = new SplittableRandom(seed);
            double loss = 0;
            double tc = 0;
            int steps = 300;
            for (int step = 0; step < steps; step++) {
                try (NDManager batch = manager.newSubManager()) {
                    NDArray z = batch.create(source.batch(step, random), new Shape(128, 4));
                    float value = factor.train(store, z, 1e-4f, random);
                    if (step >= steps - 50) {
                        loss += value / 50;
                        tc += factor.penalty(store, z, 1).totalCorrelation().getFloat() / 50;
                    }
                }
            }
            return new double[] {loss, tc};
        }
    }
}
