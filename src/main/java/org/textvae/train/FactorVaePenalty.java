package org.textvae.train;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.textvae.TextvaeException;
import org.textvae.eval.DiscriminatorEstimate;
import org.textvae.model.HostArrays;
import org.textvae.model.LatentDiscriminator;

/**
 * FactorVAE (Kim and Mnih 2018): γ·TC(z) added to the VAE's loss, TC estimated by a discriminator
 * that tells samples of q(z) from samples with each dimension shuffled independently. The
 * discriminator trains alongside with its own Adam, on a pool of recent codes rather than the batch
 * alone (see {@link LatentPool}); all three are saved in checkpoints so resume stays exact.
 *
 * <p>γ rises with the KL annealing schedule. At full weight from step 0, while the KL weight is
 * still near 0, the penalty alone shapes q(z) and drives the codes to huge norms (KL in the
 * thousands after 30 steps on Tang); annealed, γ keeps its ratio to the KL term throughout.
 */
final class FactorVaePenalty implements AutoCloseable {

    // Shared with eval, which reads the discriminator back for its own TC estimate.
    static final String WEIGHTS_ENTRY = DiscriminatorEstimate.WEIGHTS_ENTRY;
    static final String OPTIMIZER_ENTRY = "training/discriminator-optimizer.ndlist";
    static final String POOL_ENTRY = "training/discriminator-pool.bin";
    private static final int WIDTH = DiscriminatorEstimate.WIDTH;

    /** Codes the discriminator learns from: about 32 Tang batches, or 128 of Penn Treebank. */
    static final int POOL_CAPACITY = 4096;

    private final float gamma;
    private final LatentDiscriminator discriminator;
    private final List<Parameter> parameters;
    private final AdamOptimizer optimizer;
    private LatentPool pool;

    FactorVaePenalty(float gamma, int latentSize, NDManager manager) {
        this.gamma = gamma;
        this.discriminator = new LatentDiscriminator(latentSize, WIDTH);
        discriminator.initialize(manager);
        this.parameters = new ArrayList<>(discriminator.getParameters().values());
        this.optimizer = new AdamOptimizer(parameters, manager);
        this.pool = new LatentPool(POOL_CAPACITY, latentSize);
    }

    /**
     * γ·w·TC(z), to add to the VAE loss inside its gradient collector.
     *
     * @param annealing the KL schedule's weight w at this step, in [0, 1]
     * @return the penalty and the bare TC estimate
     */
    Penalty penalty(ParameterStore store, NDArray z, double annealing) {
        NDArray totalCorrelation = discriminator.totalCorrelation(store, z, true);
        return new Penalty(totalCorrelation.mul((float) (gamma * annealing)), totalCorrelation);
    }

    /** The weighted term for the loss, and the estimate it weights, for the metrics. */
    record Penalty(NDArray weighted, NDArray totalCorrelation) {}

    /**
     * One discriminator step, after the VAE's step: the batch's z (detached) joins the pool of
     * recent codes, and the discriminator learns to tell a draw from the pool from another draw
     * with its dimensions shuffled (see {@link LatentPool} for why not the batch alone). Its
     * gradients from the VAE loss are discarded first.
     *
     * <p>It learns at the VAE's own rate, as in Kim and Mnih (who use one rate for both). At a
     * tenth of it (as before) the encoder moved q(z) faster than the discriminator could follow,
     * and the discriminator stayed at chance for whole runs.
     *
     * @param learningRate the VAE's learning rate at this step
     * @return the discriminator's loss
     */
    float train(ParameterStore store, NDArray z, float learningRate, RandomGenerator random) {
        optimizer.discardGradients();
        pool.add(z.toFloatArray());
        int batch = (int) z.getShape().get(0);
        Shape shape = new Shape(batch, pool.width());
        NDManager manager = z.getManager();
        NDArray real = HostArrays.floats(manager, pool.draw(batch, random), shape);
        NDArray other = HostArrays.floats(manager, pool.draw(batch, random), shape);
        NDArray permuted =
                LatentDiscriminator.permuteDimensions(
                        other, permutations(batch, pool.width(), random));
        float loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = discriminator.loss(store, real, permuted, true);
            collector.backward(value);
            loss = value.getFloat();
        }
        optimizer.step(learningRate, 0);
        return loss;
    }

    private static int[][] permutations(long batch, long width, RandomGenerator random) {
        int[][] permutations = new int[(int) width][(int) batch];
        for (int[] permutation : permutations) {
            for (int i = 0; i < permutation.length; i++) {
                permutation[i] = i;
            }
            for (int i = permutation.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
        }
        return permutations;
    }

    /** Checkpoint entries: the discriminator's weights and its optimizer's moments. */
    void saveTo(Map<String, byte[]> extras) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            discriminator.saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        extras.put(WEIGHTS_ENTRY, bytes.toByteArray());
        extras.put(OPTIMIZER_ENTRY, optimizer.state().encode());
        extras.put(POOL_ENTRY, pool.encode());
    }

    /** Restores what {@link #saveTo} wrote. */
    void restoreFrom(Map<String, byte[]> extras, NDManager manager, long steps) {
        byte[] weights = extras.get(WEIGHTS_ENTRY);
        byte[] moments = extras.get(OPTIMIZER_ENTRY);
        if (weights == null || moments == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.MODEL,
                    "the checkpoint holds no FactorVAE discriminator; it was not a FactorVAE run");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            discriminator.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.MODEL,
                    "the checkpoint's discriminator is unreadable: " + e.getMessage(),
                    e);
        }
        discriminator.freezeParameters(false);
        optimizer.restore(NDList.decode(manager, moments), steps);
        pool = restorePool(extras.get(POOL_ENTRY), pool.width());
    }

    /** The saved pool; checkpoints from before the pool existed start with an empty one. */
    private static LatentPool restorePool(byte[] saved, int width) {
        if (saved == null) {
            return new LatentPool(POOL_CAPACITY, width);
        }
        try {
            LatentPool restored = LatentPool.decode(saved);
            if (restored.width() != width) {
                throw new IOException("codes of " + restored.width() + " dimensions, not " + width);
            }
            return restored;
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.MODEL,
                    "the checkpoint's discriminator pool is unreadable: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
