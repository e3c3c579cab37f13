package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ELBO's terms against hand computations in Java doubles: the closed-form Gaussian KL per
 * dimension, the free-bits floor, the reconstruction NLL as a log-softmax, and its mask, which must
 * make a padded sentence cost exactly what it costs alone.
 */
class LossTermsTest {

    private static final TokenBatch.Specials SPECIALS = new TokenBatch.Specials(0, 1, 2, 3);
    private static final int VOCAB = 9;

    private static final float[] MEAN = {0.5f, -1.0f, 0f, 2.0f, 0.1f, -0.3f};
    private static final float[] LOG_VARIANCE = {0f, -0.5f, 1.0f, -2.0f, 0.2f, -0.05f};

    @Test
    void klPerDimensionMatchesTheClosedFormComputedByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray mean = manager.create(MEAN, new Shape(2, 3));
            NDArray logVariance = manager.create(LOG_VARIANCE, new Shape(2, 3));
            float[] actual = LossTerms.klPerDimension(mean, logVariance).toFloatArray();
            assertArrayEquals(toFloats(handKl()), actual, 1e-6f);
            assertEquals(new Shape(2, 3), LossTerms.klPerDimension(mean, logVariance).getShape());
            float[] perSentence = LossTerms.kl(mean, logVariance).toFloatArray();
            double[] kl = handKl();
            assertArrayEquals(
                    new float[] {(float) (kl[0] + kl[1] + kl[2]), (float) (kl[3] + kl[4] + kl[5])},
                    perSentence,
                    1e-6f);
        }
    }

    @Test
    void klIsZeroExactlyAtTheStandardNormal() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray zeros = manager.zeros(new Shape(2, 4));
            assertArrayEquals(new float[8], LossTerms.klPerDimension(zeros, zeros).toFloatArray());
        }
    }

    @Test
    void freeBitsFloorEachDimensionsBatchMeanNotEachSentence() {
        double[] kl = handKl();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray mean = manager.create(MEAN, new Shape(2, 3));
            NDArray logVariance = manager.create(LOG_VARIANCE, new Shape(2, 3));
            for (float floor : new float[] {0f, 0.2f, 0.5f, 3f}) {
                double expected = 0;
                for (int d = 0; d < 3; d++) {
                    expected += Math.max(floor, (kl[d] + kl[3 + d]) / 2);
                }
                float actual = LossTerms.klWithFreeBits(mean, logVariance, floor).getFloat();
                assertEquals(expected, actual, 1e-5, "floor " + floor);
            }
        }
        // The floor must bind on some dimensions and not on others, or the test proves little.
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int d = 0; d < 3; d++) {
            lowest = Math.min(lowest, (kl[d] + kl[3 + d]) / 2);
            highest = Math.max(highest, (kl[d] + kl[3 + d]) / 2);
        }
        assertTrue(lowest < 0.5 && highest > 0.5, lowest + " .. " + highest);
    }

    @Test
    void reconstructionIsTheNegativeLogSoftmaxOfTheTargetsSummedOverRealTokens() {
        int batch = 2;
        int time = 3;
        int vocab = 5;
        float[] logits = new float[batch * time * vocab];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.sin(1.7 * i) * 3;
        }
        long[] targets = {4, 0, 2, 1, 3, 3};
        float[] mask = {1, 1, 1, 1, 1, 0};
        double[] expected = new double[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                int row = (b * time + t) * vocab;
                double normaliser = 0;
                for (int v = 0; v < vocab; v++) {
                    normaliser += Math.exp(logits[row + v]);
                }
                double logProbability =
                        logits[row + (int) targets[b * time + t]] - Math.log(normaliser);
                expected[b] -= mask[b * time + t] * logProbability;
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logitArray = manager.create(logits, new Shape(batch, time, vocab));
            NDArray targetArray = manager.create(targets, new Shape(batch, time));
            NDArray maskArray = manager.create(mask, new Shape(batch, time));
            float[] actual =
                    LossTerms.reconstruction(logitArray, targetArray, maskArray).toFloatArray();
            assertArrayEquals(toFloats(expected), actual, 1e-5f);
            // Without the mask the last token of sentence 2 counts too, so the sums differ.
            float[] unmasked =
                    LossTerms.reconstruction(logitArray, targetArray, null).toFloatArray();
            assertEquals(expected[0], unmasked[0], 1e-5);
            assertTrue(unmasked[1] > actual[1] + 1e-3, unmasked[1] + " vs " + actual[1]);
        }
    }

    @Test
    void paddedSentencesCostWhatTheyCostAlone() {
        List<int[]> sentences = List.of(new int[] {4, 5}, new int[] {6, 7, 8, 4, 5}, new int[] {8});
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(17);
            TokenBatch padded = TokenBatch.of(manager, sentences, SPECIALS, 0, null);
            long width = padded.targets().getShape().get(1);
            NDArray logits = manager.randomNormal(new Shape(sentences.size(), width, VOCAB));
            float[] together =
                    LossTerms.reconstruction(logits, padded.targets(), padded.mask())
                            .toFloatArray();
            for (int b = 0; b < sentences.size(); b++) {
                int n = sentences.get(b).length;
                TokenBatch alone =
                        TokenBatch.of(manager, List.of(sentences.get(b)), SPECIALS, 0, null);
                NDArray ownLogits = logits.get(new NDIndex(b + ":" + (b + 1) + ", 0:" + (n + 1)));
                float single =
                        LossTerms.reconstruction(ownLogits, alone.targets(), alone.mask())
                                .getFloat();
                assertEquals(single, together[b], 1e-5f, "sentence " + b);
            }
        }
    }

    @Test
    void logitsAtPaddedPositionsDoNotChangeTheLoss() {
        List<int[]> sentences = List.of(new int[] {4, 5}, new int[] {6, 7, 8, 4, 5});
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(23);
            TokenBatch batch = TokenBatch.of(manager, sentences, SPECIALS, 0, null);
            NDArray logits = manager.randomNormal(new Shape(2, 6, VOCAB));
            float[] before =
                    LossTerms.reconstruction(logits, batch.targets(), batch.mask()).toFloatArray();
            // Large noise only where the mask is 0: positions 3..5 of the first sentence.
            NDArray padding = batch.mask().neg().add(1).expandDims(2);
            NDArray noise = manager.randomNormal(new Shape(2, 6, VOCAB)).mul(50).mul(padding);
            float[] after =
                    LossTerms.reconstruction(logits.add(noise), batch.targets(), batch.mask())
                            .toFloatArray();
            assertArrayEquals(before, after, 1e-5f);
            assertTrue(noise.abs().sum().getFloat() > 1, "the noise must reach the padding");
        }
    }

    /** ½(μ² + σ² − 1 − log σ²) for each entry of {@link #MEAN} and {@link #LOG_VARIANCE}. */
    private static double[] handKl() {
        double[] kl = new double[MEAN.length];
        for (int i = 0; i < kl.length; i++) {
            double mu = MEAN[i];
            double logVariance = LOG_VARIANCE[i];
            kl[i] = 0.5 * (mu * mu + Math.exp(logVariance) - 1 - logVariance);
        }
        return kl;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
