package org.textvae.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;

/** The fitted prior travels in the checkpoint file and comes back the same. */
class PriorEntryTest {

    private static final ModelConfig CONFIG = new ModelConfig(ModelKind.VAE, 12, 8, 8, 2, false);

    @TempDir Path dir;

    private static Checkpoint bare() {
        return new Checkpoint(CONFIG, "{}", new byte[] {1, 2, 3}, Map.of());
    }

    @Test
    void aCheckpointWithoutOneSamplesTheStandardNormal() {
        assertEquals(new StandardNormal(2), PriorEntry.of(bare(), "m"));
    }

    @Test
    void aFittedPriorSurvivesWritingAndReadingTheCheckpoint() {
        GaussianMixture mixture = GaussianMixtureTest.twoComponents();
        Path file = dir.resolve("m.ckpt");
        PriorEntry.with(bare(), mixture, "test").write(file);
        Checkpoint read = Checkpoint.read(file);
        LatentPrior prior = PriorEntry.of(read, file.toString());
        assertInstanceOf(GaussianMixture.class, prior);
        assertEquals(mixture, prior);
        assertArrayEquals(mixture.sample(10, 3), prior.sample(10, 3));
        assertArrayEquals(new byte[] {1, 2, 3}, read.weights());
    }

    @Test
    void keptPosteriorsSurviveWritingAndReadingTheCheckpoint() {
        PosteriorMixture posteriors =
                new PosteriorMixture(
                        new float[][] {{0.125f, -3.5f}, {1e-7f, 2}},
                        new float[][] {{0.3f, 0.01f}, {2, 1}},
                        1.5);
        Path file = dir.resolve("p.ckpt");
        PriorEntry.with(bare(), posteriors, "test").write(file);
        LatentPrior prior = PriorEntry.of(Checkpoint.read(file), file.toString());
        assertEquals(posteriors, prior);
        assertArrayEquals(posteriors.sample(10, 3), prior.sample(10, 3));
        assertFalse(((PosteriorMixture) prior).knowsLengths());
    }

    @Test
    void keptPosteriorsKeepTheirLinesLengths() {
        PosteriorMixture posteriors =
                new PosteriorMixture(
                        new float[][] {{0.125f, -3.5f}, {1e-7f, 2}, {4, 4}},
                        new float[][] {{0.3f, 0.01f}, {2, 1}, {1, 1}},
                        2,
                        new int[] {5, 7, 5});
        Path file = dir.resolve("lengths.ckpt");
        PriorEntry.with(bare(), posteriors, "test").write(file);
        PosteriorMixture read =
                (PosteriorMixture) PriorEntry.of(Checkpoint.read(file), file.toString());
        assertEquals(posteriors, read);
        assertArrayEquals(new int[] {5, 7, 5}, read.lengths());
        assertEquals(2, read.ofLength(5).components());
    }

    @Test
    void aPriorOfTheWrongSizeOrDamagedJsonIsAModelError() {
        GaussianMixture oneDimensional =
                new GaussianMixture(
                        new double[] {1}, new double[][] {{0}}, new double[][][] {{{1}}});
        Checkpoint wrongSize = PriorEntry.with(bare(), oneDimensional, "test");
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> PriorEntry.of(wrongSize, "m.ckpt"));
        assertEquals(TextvaeException.Kind.MODEL, e.kind());
        assertTrue(e.getMessage().contains("1 values, the model's 2"), e.getMessage());
        Checkpoint damaged =
                new Checkpoint(
                        CONFIG,
                        "{}",
                        new byte[0],
                        Map.of(PriorEntry.NAME, "{\"kind\":".getBytes(StandardCharsets.UTF_8)));
        e = assertThrows(TextvaeException.class, () -> PriorEntry.of(damaged, "m.ckpt"));
        assertTrue(e.getMessage().startsWith("cannot load checkpoint m.ckpt: its prior.json"));
    }
}
