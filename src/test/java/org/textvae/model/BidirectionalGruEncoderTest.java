package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bidirectional encoder against a GRU run by hand in plain Java, on a padded batch: each
 * direction's final state must be the one at the sentence's last real token.
 */
class BidirectionalGruEncoderTest {

    private static final int EMBEDDING = 3;
    private static final int HIDDEN = 4;

    @Test
    void matchesHandRunGrusOnAPaddedBatch() {
        int[] lengths = {5, 2, 3};
        int time = 5;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            BidirectionalGruEncoder encoder = new BidirectionalGruEncoder(HIDDEN);
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1, EMBEDDING));
            float[][][] inputs = randomInputs(lengths.length, time, new Random(7));
            NDArray embedded =
                    manager.create(flatten(inputs), new Shape(lengths.length, time, EMBEDDING));
            NDArray lengthArray = manager.create(new long[] {5, 2, 3});
            float[] actual =
                    encoder.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(embedded, lengthArray),
                                    false)
                            .head()
                            .toFloatArray();
            for (int b = 0; b < lengths.length; b++) {
                float[] forward = runByHand(encoder.leftToRight(), inputs[b], lengths[b], false);
                float[] backward = runByHand(encoder.rightToLeft(), inputs[b], lengths[b], true);
                float[] row = new float[2 * HIDDEN];
                System.arraycopy(actual, b * 2 * HIDDEN, row, 0, 2 * HIDDEN);
                float[] expected = new float[2 * HIDDEN];
                System.arraycopy(forward, 0, expected, 0, HIDDEN);
                System.arraycopy(backward, 0, expected, HIDDEN, HIDDEN);
                assertArrayEquals(expected, row, 1e-5f, "sentence " + b);
            }
        }
    }

    @Test
    void unpaddedBatchMatchesTheHandRunGrusToo() {
        int time = 4;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            BidirectionalGruEncoder encoder = new BidirectionalGruEncoder(HIDDEN);
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1, EMBEDDING));
            float[][][] inputs = randomInputs(2, time, new Random(11));
            NDArray embedded = manager.create(flatten(inputs), new Shape(2, time, EMBEDDING));
            float[] actual =
                    encoder.forward(new ParameterStore(manager, false), new NDList(embedded), false)
                            .head()
                            .toFloatArray();
            for (int b = 0; b < 2; b++) {
                float[] forward = runByHand(encoder.leftToRight(), inputs[b], time, false);
                float[] backward = runByHand(encoder.rightToLeft(), inputs[b], time, true);
                for (int i = 0; i < HIDDEN; i++) {
                    assertEquals(forward[i], actual[b * 2 * HIDDEN + i], 1e-5f);
                    assertEquals(backward[i], actual[b * 2 * HIDDEN + HIDDEN + i], 1e-5f);
                }
            }
        }
    }

    /** PyTorch's GRU equations (gates r, z, n), one time step after another, in doubles. */
    private static float[] runByHand(GRU gru, float[][] x, int length, boolean reversed) {
        float[] wIh = parameter(gru, "i2h_WEIGHT");
        float[] wHh = parameter(gru, "h2h_WEIGHT");
        float[] bIh = parameter(gru, "i2h_BIAS");
        float[] bHh = parameter(gru, "h2h_BIAS");
        double[] h = new double[HIDDEN];
        for (int step = 0; step < length; step++) {
            float[] input = x[reversed ? length - 1 - step : step];
            double[] gi = affine(wIh, bIh, input, EMBEDDING);
            double[] gh = affine(wHh, bHh, toFloats(h), HIDDEN);
            double[] next = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double r = sigmoid(gi[j] + gh[j]);
                double z = sigmoid(gi[HIDDEN + j] + gh[HIDDEN + j]);
                double n = Math.tanh(gi[2 * HIDDEN + j] + r * gh[2 * HIDDEN + j]);
                next[j] = (1 - z) * n + z * h[j];
            }
            h = next;
        }
        return toFloats(h);
    }

    private static float[] parameter(GRU gru, String suffix) {
        return gru.getParameters().stream()
                .filter(p -> p.getKey().endsWith(suffix))
                .findFirst()
                .orElseThrow()
                .getValue()
                .getArray()
                .toFloatArray();
    }

    private static double[] affine(float[] weight, float[] bias, float[] input, int columns) {
        double[] out = new double[3 * HIDDEN];
        for (int row = 0; row < out.length; row++) {
            double sum = bias[row];
            for (int c = 0; c < columns; c++) {
                sum += weight[row * columns + c] * input[c];
            }
            out[row] = sum;
        }
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static float[][][] randomInputs(int batch, int time, Random random) {
        float[][][] x = new float[batch][time][EMBEDDING];
        for (float[][] sentence : x) {
            for (float[] step : sentence) {
                for (int e = 0; e < EMBEDDING; e++) {
                    step[e] = (float) random.nextGaussian();
                }
            }
        }
        return x;
    }

    private static float[] flatten(float[][][] x) {
        float[] flat = new float[x.length * x[0].length * EMBEDDING];
        int i = 0;
        for (float[][] sentence : x) {
            for (float[] step : sentence) {
                for (float v : step) {
                    flat[i++] = v;
                }
            }
        }
        return flat;
    }
}
