package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adam (Kingma and Ba 2015) against the update computed by hand in doubles, bias correction
 * included; global-norm clipping; gradients cleared after each step (PyTorch accumulates them); and
 * a state saved and restored, as on resume, giving bit-identical next steps.
 */
class AdamOptimizerTest {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final float LEARNING_RATE = 0.01f;

    private static final float[] START_A = {0.5f, -1.0f};
    private static final float[] START_B = {2.0f, 0.0f, -0.25f};
    private static final float[][] GRADIENTS_A = {{0.3f, -2.0f}, {-0.1f, 0.4f}, {1.5f, 0.2f}};
    private static final float[][] GRADIENTS_B = {
        {0.01f, 1.0f, -0.5f}, {0.7f, 0f, 0.3f}, {0f, 1f, 2f}
    };

    @Test
    void twoStepsMatchAdamComputedByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, "a", START_A);
            Parameter b = parameter(manager, "b", START_B);
            HandAdam handA = new HandAdam(START_A);
            HandAdam handB = new HandAdam(START_B);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(a, b), manager)) {
                for (int step = 0; step < 2; step++) {
                    setGradients(manager, a, GRADIENTS_A[step], b, GRADIENTS_B[step]);
                    adam.step(LEARNING_RATE, 0f);
                    handA.step(GRADIENTS_A[step], 1.0);
                    handB.step(GRADIENTS_B[step], 1.0);
                    assertArrayEquals(handA.values(), a.getArray().toFloatArray(), 1e-6f);
                    assertArrayEquals(handB.values(), b.getArray().toFloatArray(), 1e-6f);
                }
                assertEquals(2, adam.steps());
            }
        }
    }

    @Test
    void firstStepMovesEachWeightByAboutTheLearningRate() {
        // Bias correction makes step 1 move every weight by lr·sign(g); without it, by
        // lr·0.1/√0.001.
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, "a", START_A);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(a), manager)) {
                setGradients(manager, a, GRADIENTS_A[0], null, null);
                adam.step(LEARNING_RATE, 0f);
            }
            float[] after = a.getArray().toFloatArray();
            assertEquals(START_A[0] - LEARNING_RATE, after[0], 1e-6f);
            assertEquals(START_A[1] + LEARNING_RATE, after[1], 1e-6f);
        }
    }

    @Test
    void aGradientTooLargeToSquareInFloatIsStillClippedAndApplied() {
        // (1e25)² overflows a float. If the norm did too, clipping would scale the step to zero.
        float[] huge = {1e25f, -1e25f};
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, "a", START_A);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(a), manager)) {
                setGradients(manager, a, huge, null, null);
                float norm = adam.step(LEARNING_RATE, 1f);
                assertEquals(Math.sqrt(2) * 1e25, norm, 1e20);
            }
            float[] after = a.getArray().toFloatArray();
            assertEquals(START_A[0] - LEARNING_RATE, after[0], 1e-6f);
            assertEquals(START_A[1] + LEARNING_RATE, after[1], 1e-6f);
        }
    }

    @Test
    void gradientsAreZeroAfterAStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, "a", START_A);
            Parameter b = parameter(manager, "b", START_B);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(a, b), manager)) {
                setGradients(manager, a, GRADIENTS_A[0], b, GRADIENTS_B[0]);
                adam.step(LEARNING_RATE, 1f);
                assertArrayEquals(new float[2], a.getArray().getGradient().toFloatArray(), 0f);
                assertArrayEquals(new float[3], b.getArray().getGradient().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void clippingScalesAllGradientsToTheGlobalNormAndReportsTheNormBefore() {
        double norm = globalNorm(GRADIENTS_A[0], GRADIENTS_B[0]);
        float maxNorm = 0.5f;
        assertTrue(norm > 4 * maxNorm, "the fixture must need clipping");
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, "a", START_A);
            Parameter b = parameter(manager, "b", START_B);
            HandAdam handA = new HandAdam(START_A);
            HandAdam handB = new HandAdam(START_B);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(a, b), manager)) {
                for (int step = 0; step < 2; step++) {
                    setGradients(manager, a, GRADIENTS_A[step], b, GRADIENTS_B[step]);
                    double before = globalNorm(GRADIENTS_A[step], GRADIENTS_B[step]);
                    float reported = adam.step(LEARNING_RATE, maxNorm);
                    assertEquals(before, reported, 1e-5);
                    double scale = before > maxNorm ? maxNorm / (before + 1e-6) : 1;
                    handA.step(GRADIENTS_A[step], scale);
                    handB.step(GRADIENTS_B[step], scale);
                    assertArrayEquals(handA.values(), a.getArray().toFloatArray(), 1e-6f);
                    assertArrayEquals(handB.values(), b.getArray().toFloatArray(), 1e-6f);
                }
                // The moments hold the clipped gradients, not the raw ones.
                float[] firstMomentB = adam.state().get(1).toFloatArray();
                assertArrayEquals(handB.firstMoment(), firstMomentB, 1e-7f);
            }
        }
    }

    @Test
    void restoredStateTakesExactlyTheStepsTheOriginalTakes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter original = parameter(manager, "a", START_A);
            byte[] saved;
            float[] values;
            try (AdamOptimizer adam = new AdamOptimizer(List.of(original), manager)) {
                for (int step = 0; step < 2; step++) {
                    setGradients(manager, original, GRADIENTS_A[step], null, null);
                    adam.step(LEARNING_RATE, 0f);
                }
                // Saved as the checkpoints save it, encoded to bytes.
                saved = adam.state().encode();
                values = original.getArray().toFloatArray();
                setGradients(manager, original, GRADIENTS_A[2], null, null);
                adam.step(LEARNING_RATE, 0f);
            }
            float[] expected = original.getArray().toFloatArray();

            Parameter resumed = parameter(manager, "a", values);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(resumed), manager)) {
                adam.restore(NDList.decode(manager, saved), 2);
                assertEquals(2, adam.steps());
                setGradients(manager, resumed, GRADIENTS_A[2], null, null);
                adam.step(LEARNING_RATE, 0f);
            }
            assertArrayEquals(expected, resumed.getArray().toFloatArray());

            // The control: without the restored moments the same step lands elsewhere.
            Parameter fresh = parameter(manager, "a", values);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(fresh), manager)) {
                setGradients(manager, fresh, GRADIENTS_A[2], null, null);
                adam.step(LEARNING_RATE, 0f);
            }
            assertTrue(Math.abs(expected[1] - fresh.getArray().toFloatArray()[1]) > 1e-4);
        }
    }

    @Test
    void stateOfAnotherShapeIsRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, "a", START_A);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(a), manager)) {
                NDList tooFew = new NDList(manager.zeros(a.getArray().getShape()));
                assertThrows(IllegalArgumentException.class, () -> adam.restore(tooFew, 1));
                NDList wrongShape =
                        new NDList(manager.zeros(new Shape(3)), manager.zeros(new Shape(3)));
                assertThrows(IllegalArgumentException.class, () -> adam.restore(wrongShape, 1));
            }
        }
    }

    private static Parameter parameter(NDManager manager, String name, float[] values) {
        NDArray array = manager.create(values);
        array.setRequiresGradient(true);
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optArray(array)
                .optRequiresGrad(true)
                .build();
    }

    /** Backward through Σ a·g_a + Σ b·g_b, whose gradients are exactly g_a and g_b. */
    private static void setGradients(
            NDManager manager, Parameter a, float[] gradientA, Parameter b, float[] gradientB) {
        try (NDManager scratch = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = a.getArray().mul(scratch.create(gradientA)).sum();
            if (b != null) {
                loss = loss.add(b.getArray().mul(scratch.create(gradientB)).sum());
            }
            collector.backward(loss);
        }
    }

    private static double globalNorm(float[]... gradients) {
        double squares = 0;
        for (float[] gradient : gradients) {
            for (float g : gradient) {
                squares += (double) g * g;
            }
        }
        return Math.sqrt(squares);
    }

    /** Adam in doubles, as in Kingma and Ba's Algorithm 1 with ε added to √v̂. */
    private static final class HandAdam {
        private final double[] theta;
        private final double[] m;
        private final double[] v;
        private int t;

        HandAdam(float[] start) {
            theta = new double[start.length];
            for (int i = 0; i < start.length; i++) {
                theta[i] = start[i];
            }
            m = new double[start.length];
            v = new double[start.length];
        }

        void step(float[] gradient, double scale) {
            t++;
            for (int i = 0; i < theta.length; i++) {
                double g = gradient[i] * scale;
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                double mHat = m[i] / (1 - Math.pow(BETA1, t));
                double vHat = v[i] / (1 - Math.pow(BETA2, t));
                theta[i] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + EPSILON);
            }
        }

        float[] values() {
            float[] out = new float[theta.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) theta[i];
            }
            return out;
        }

        float[] firstMoment() {
            float[] out = new float[m.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) m[i];
            }
            return out;
        }
    }
}
