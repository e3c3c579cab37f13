package org.textvae.eval;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.LatentDiscriminator;

/**
 * FactorVAE's own estimate of the total correlation (Kim and Mnih 2018): the mean logit difference
 * log D(z) / (1 − D(z)) of the discriminator trained beside the VAE, over z drawn from q(z). It is
 * only as good as the discriminator, and only a FactorVAE checkpoint holds one, so the report puts
 * it beside the training-free estimate of {@link TotalCorrelation} rather than instead of it.
 */
public final class DiscriminatorEstimate {

    /** The checkpoint entry the FactorVAE trainer writes the discriminator's weights to. */
    public static final String WEIGHTS_ENTRY = "training/discriminator.params";

    /** Hidden width of the discriminator as the FactorVAE trainer builds it. */
    public static final int WIDTH = 256;

    private DiscriminatorEstimate() {}

    /** Whether {@code checkpoint} holds a FactorVAE discriminator. */
    public static boolean available(Checkpoint checkpoint) {
        return checkpoint.extras().containsKey(WEIGHTS_ENTRY);
    }

    /**
     * The discriminator's TC estimate over the probes' z (one row per sentence), or NaN when the
     * checkpoint holds no discriminator.
     */
    public static double estimate(Checkpoint checkpoint, double[][] z) {
        if (!available(checkpoint) || z.length == 0) {
            return Double.NaN;
        }
        int latent = checkpoint.config().latentSize();
        float[] flat = new float[z.length * latent];
        for (int i = 0; i < z.length; i++) {
            for (int d = 0; d < latent; d++) {
                flat[i * latent + d] = (float) z[i][d];
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            LatentDiscriminator discriminator = load(checkpoint, manager, latent);
            NDArray codes = manager.create(flat, new Shape(z.length, latent));
            ParameterStore store = new ParameterStore(manager, false);
            return discriminator.totalCorrelation(store, codes, false).getFloat();
        }
    }

    private static LatentDiscriminator load(Checkpoint checkpoint, NDManager manager, int latent) {
        LatentDiscriminator discriminator = new LatentDiscriminator(latent, WIDTH);
        discriminator.initialize(manager);
        byte[] weights = checkpoint.extras().get(WEIGHTS_ENTRY);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            discriminator.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.MODEL,
                    "the checkpoint's FactorVAE discriminator is unreadable: " + e.getMessage(),
                    e);
        }
        discriminator.freezeParameters(true);
        return discriminator;
    }
}
