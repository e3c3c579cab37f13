package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed vocabulary layer computes the linear layer's logits to rounding, the same for a row
 * whatever batch it is in, and its greedy tokens are argmax's, ties, −∞ and NaN included.
 */
class PackedVocabularyLayerTest {

    private static final int VOCABULARY = 700;
    private static final int HIDDEN = 48;

    @Test
    void firstMaxIsArgmaxOnTiesInfinitiesAndNaN() {
        SplittableRandom random = new SplittableRandom(3);
        int[] widths = {1, 5, 63, 64, 65, 130, 257};
        int[] blocks = {1, 3, 64, 500};
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int width : widths) {
                for (int block : blocks) {
                    int rows = 1 + random.nextInt(6);
                    // Small integers: most rows hold their maximum more than once.
                    float[] values = new float[rows * width];
                    for (int i = 0; i < values.length; i++) {
                        double u = random.nextDouble();
                        values[i] =
                                u < 0.15
                                        ? Float.NEGATIVE_INFINITY
                                        : u < 0.17 ? Float.NaN : random.nextInt(4);
                    }
                    if (width > 3) {
                        // A row of −∞ only, whose argmax is 0.
                        for (int c = 0; c < width; c++) {
                            values[c] = Float.NEGATIVE_INFINITY;
                        }
                    }
                    NDArray matrix = manager.create(values, new Shape(rows, width));
                    assertArrayEquals(
                            matrix.argMax(1).toLongArray(),
                            PackedVocabularyLayer.firstMax(matrix, block).toLongArray(),
                            width + " columns, block " + block);
                }
            }
        }
    }

    @Test
    void logitsAreTheLinearLayersToRounding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            NDArray weight = manager.randomNormal(new Shape(VOCABULARY, HIDDEN));
            NDArray bias = manager.randomNormal(new Shape(VOCABULARY));
            PackedVocabularyLayer layer = PackedVocabularyLayer.of(weight, manager);
            for (int rows : new int[] {1, 3, 16, 128, 200}) {
                NDArray state = manager.randomNormal(new Shape(rows, HIDDEN));
                float[] expected = Linear.linear(state, weight, bias).head().toFloatArray();
                float[] actual = layer.logits(state, bias).toFloatArray();
                assertEquals(expected.length, actual.length);
                for (int i = 0; i < expected.length; i++) {
                    // Sums of 48 products of size ~1, in another order: a few float ulps apart.
                    assertEquals(expected[i], actual[i], 1e-5f * (1 + Math.abs(expected[i])));
                }
            }
        }
    }

    @Test
    void aRowsLogitsDoNotDependOnItsBatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(10);
            NDArray weight = manager.randomNormal(new Shape(VOCABULARY, HIDDEN));
            NDArray bias = manager.randomNormal(new Shape(VOCABULARY));
            PackedVocabularyLayer layer = PackedVocabularyLayer.of(weight, manager);
            NDArray batch = manager.randomNormal(new Shape(128, HIDDEN));
            float[] inBatch = layer.logits(batch, bias).get(new NDIndex("5:8")).toFloatArray();
            float[] alone = layer.logits(batch.get(new NDIndex("5:8")), bias).toFloatArray();
            assertArrayEquals(inBatch, alone, 0f);
            float[] single = layer.logits(batch.get(new NDIndex("6:7")), bias).toFloatArray();
            float[] middle = new float[VOCABULARY];
            System.arraycopy(inBatch, VOCABULARY, middle, 0, VOCABULARY);
            assertArrayEquals(middle, single, 0f);
        }
    }

    @Test
    void greedyTokensAreArgmaxOfTheLogitsAtEveryBatchSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            NDArray weight = manager.randomNormal(new Shape(VOCABULARY, HIDDEN));
            float[] mask = new float[VOCABULARY];
            mask[0] = Float.NEGATIVE_INFINITY;
            mask[VOCABULARY - 1] = Float.NEGATIVE_INFINITY;
            NDArray bias = manager.create(mask);
            PackedVocabularyLayer layer = PackedVocabularyLayer.of(weight, manager);
            for (int rows : new int[] {1, 3, 16, 128}) {
                NDArray state = manager.randomNormal(new Shape(rows, HIDDEN)).mul(3);
                long[] expected = layer.logits(state, bias).argMax(1).toLongArray();
                NDArray actual = layer.mostLikely(state, bias);
                assertEquals(DataType.INT64, actual.getDataType());
                assertArrayEquals(expected, actual.toLongArray(), rows + " rows");
                for (long id : expected) {
                    assertTrue(id != 0 && id != VOCABULARY - 1, "a masked token was chosen");
                }
            }
        }
    }
}
