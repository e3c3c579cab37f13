package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** FactorVAE's pieces against hand computations: permute-dims, the TC estimate, the loss. */
class LatentDiscriminatorTest {

    private static final float[] Z = {
        0.1f, 1.0f, -2.0f,
        0.2f, 2.0f, -3.0f,
        0.3f, 3.0f, -4.0f,
        0.4f, 4.0f, -5.0f
    };

    @Test
    void permuteDimensionsShufflesEachColumnByItsOwnPermutation() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray z = manager.create(Z, new Shape(4, 3));
            int[][] permutations = {{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 0, 3, 2}};
            float[] permuted =
                    LatentDiscriminator.permuteDimensions(z, permutations).toFloatArray();
            float[] expected = {
                0.1f, 4.0f, -3.0f,
                0.2f, 3.0f, -2.0f,
                0.3f, 2.0f, -5.0f,
                0.4f, 1.0f, -4.0f
            };
            assertArrayEquals(expected, permuted);
            for (int column = 0; column < 3; column++) {
                assertArrayEquals(
                        sortedColumn(Z, column),
                        sortedColumn(permuted, column),
                        "a column keeps its values: only their rows change");
            }
        }
    }

    @Test
    void totalCorrelationAndLossMatchTheirDefinitionsOnTheLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(12);
            LatentDiscriminator discriminator = new LatentDiscriminator(3, 8);
            discriminator.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray z = manager.create(Z, new Shape(4, 3));
            NDArray permuted =
                    LatentDiscriminator.permuteDimensions(
                            z, new int[][] {{1, 2, 3, 0}, {2, 3, 0, 1}, {3, 0, 1, 2}});
            float[] real = discriminator.forward(store, new NDList(z), false).head().toFloatArray();
            float[] fake =
                    discriminator.forward(store, new NDList(permuted), false).head().toFloatArray();

            double tc = 0;
            double loss = 0;
            for (int b = 0; b < 4; b++) {
                tc += real[2 * b] - real[2 * b + 1];
                loss -= logSoftmax(real, b, 0) + logSoftmax(fake, b, 1);
            }
            assertEquals(tc / 4, discriminator.totalCorrelation(store, z, false).getFloat(), 1e-5);
            assertEquals(loss / 8, discriminator.loss(store, z, permuted, false).getFloat(), 1e-5);
        }
    }

    private static double logSoftmax(float[] logits, int row, int column) {
        double a = logits[2 * row];
        double b = logits[2 * row + 1];
        double max = Math.max(a, b);
        double logSum = max + Math.log(Math.exp(a - max) + Math.exp(b - max));
        return logits[2 * row + column] - logSum;
    }

    private static float[] sortedColumn(float[] values, int column) {
        float[] out = new float[4];
        for (int b = 0; b < 4; b++) {
            out[b] = values[b * 3 + column];
        }
        Arrays.sort(out);
        return out;
    }
}
