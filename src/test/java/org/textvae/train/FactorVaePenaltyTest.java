package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FactorVAE penalty is γ times the annealing weight times the discriminator's TC estimate. */
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
}
