package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The transposed product and the blockwise argmax give what linear and argmax give, bit for bit and
 * index for index, ties, −∞ and NaN included; so do the greedy tokens of a decoder step at every
 * batch size.
 */
class GreedyVocabularyKernelTest {

    @Test
    void columnFirstMaxIsArgmaxOnTiesInfinitiesAndNaN() {
        SplittableRandom random = new SplittableRandom(3);
        int[] heights = {1, 5, 63, 64, 65, 130, 257};
        int[] blocks = {1, 3, 64, 500};
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int height : heights) {
                for (int block : blocks) {
                    int columns = 1 + random.nextInt(6);
                    // Small integers: most columns hold their maximum more than once.
                    float[] values = new float[height * columns];
                    for (int i = 0; i < values.length; i++) {
                        double u = random.nextDouble();
                        values[i] =
                                u < 0.15
                                        ? Float.NEGATIVE_INFINITY
                                        : u < 0.17 ? Float.NaN : random.nextInt(4);
                    }
                    if (height > 3) {
                        // A column of −∞ only, whose argmax is 0.
                        for (int r = 0; r < height; r++) {
                            values[r * columns] = Float.NEGATIVE_INFINITY;
                        }
                    }
                    NDArray matrix = manager.create(values, new Shape(height, columns));
                    assertArrayEquals(
                            matrix.argMax(0).toLongArray(),
                            GreedyVocabularyKernel.columnFirstMax(matrix, block).toLongArray(),
                            height + " rows, block " + block);
                }
            }
        }
    }

    @Test
    void transposedProductIsTheLinearLayerBitForBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            NDArray weight = manager.randomNormal(new Shape(700, 48));
            NDArray bias = manager.randomNormal(new Shape(700));
            for (int rows : new int[] {GreedyVocabularyKernel.MIN_ROWS, 37, 128}) {
                NDArray state = manager.randomNormal(new Shape(rows, 48));
                NDArray linear = Linear.linear(state, weight, bias).head();
                assertArrayEquals(
                        linear.toFloatArray(),
                        GreedyVocabularyKernel.transposedLogits(state, weight, bias)
                                .transpose()
                                .toFloatArray(),
                        0f,
                        rows + " rows");
                assertArrayEquals(
                        linear.argMax(1).toLongArray(),
                        GreedyVocabularyKernel.mostLikely(state, weight, bias).toLongArray(),
                        rows + " rows");
            }
        }
    }

    @Test
    void aStepsGreedyTokensAreArgmaxOfItsLogitsAtEveryBatchSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(new ModelConfig(ModelKind.VAE, 300, 10, 24, 4, false));
            network.initialize(manager);
            DecoderStep step = DecoderStep.of(network, manager);
            float[] mask = new float[300];
            mask[0] = Float.NEGATIVE_INFINITY;
            NDArray bias = step.outputBias(manager.create(mask));
            for (int rows : new int[] {1, 3, 16, 128}) {
                NDArray state = manager.randomNormal(new Shape(rows, 24)).mul(3);
                NDArray expected = step.logits(state, bias).argMax(1);
                NDArray actual = step.mostLikely(state, bias);
                assertEquals(DataType.INT64, actual.getDataType());
                assertArrayEquals(expected.toLongArray(), actual.toLongArray(), rows + " rows");
            }
        }
    }
}
