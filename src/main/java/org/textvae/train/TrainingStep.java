package org.textvae.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.Seeds;
import org.textvae.TextvaeException;
import org.textvae.model.DecoderDropout;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * One optimiser step: lay out the batch, forward, backward, clip, update. All of its randomness
 * (word dropout, ε, dropout masks) comes from a generator seeded by (run seed, step), so any step
 * can be replayed, which is what makes resume exact.
 */
public final class TrainingStep {

    /** What one step measured. */
    public record Outcome(
            float loss,
            float reconstruction,
            float kl,
            float beta,
            float gradNorm,
            long tokens,
            float totalCorrelation,
            float discriminatorLoss) {}

    private final SentenceVaeNetwork network;
    private final AdamOptimizer optimizer;
    private final NDManager manager;
    private final TrainConfig config;
    private final TokenBatch.Specials specials;
    private final FactorVaePenalty factorVae;

    public TrainingStep(
            SentenceVaeNetwork network,
            AdamOptimizer optimizer,
            NDManager manager,
            TrainConfig config,
            TokenBatch.Specials specials) {
        this(network, optimizer, manager, config, specials, null);
    }

    /** A step that also trains FactorVAE's discriminator when {@code factorVae} is not null. */
    TrainingStep(
            SentenceVaeNetwork network,
            AdamOptimizer optimizer,
            NDManager manager,
            TrainConfig config,
            TokenBatch.Specials specials,
            FactorVaePenalty factorVae) {
        this.factorVae = factorVae;
        this.network = network;
        this.optimizer = optimizer;
        this.manager = manager;
        this.config = config;
        this.specials = specials;
    }

    /** The generator of step {@code step} in a run seeded with {@code seed}. */
    static SplittableRandom randomFor(long seed, long step) {
        return new SplittableRandom(Seeds.ofStep(seed, step));
    }

    /**
     * Takes step {@code step} on {@code sentences}.
     *
     * @param learningRate the rate now, after any decays
     */
    public Outcome run(List<int[]> sentences, long step, float learningRate) {
        SplittableRandom random = randomFor(config.seed(), step);
        double annealing = config.klSchedule().weight(step);
        float beta = (float) (annealing * config.beta());
        try (NDManager batchManager = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(batchManager, false);
            TokenBatch batch =
                    TokenBatch.of(batchManager, sentences, specials, config.wordDropout(), random);
            NDArray epsilon =
                    network.config().kind().samplesLatent()
                            ? Posterior.epsilon(
                                    batchManager,
                                    random,
                                    batch.size(),
                                    network.config().latentSize())
                            : null;
            DecoderDropout dropout =
                    DecoderDropout.sample(
                            batchManager,
                            random,
                            config.dropout(),
                            config.recurrentDropout(),
                            network.config(),
                            batch.size(),
                            batch.decoderInputs().getShape().get(1));
            float[] values;
            VaeObjective.Terms terms;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                terms =
                        VaeObjective.compute(
                                network,
                                store,
                                batch,
                                epsilon,
                                beta,
                                config.freeBits(),
                                dropout,
                                true);
                FactorVaePenalty.Penalty penalty =
                        factorVae == null ? null : factorVae.penalty(store, terms.z(), annealing);
                NDArray loss =
                        penalty == null ? terms.loss() : terms.loss().add(penalty.weighted());
                NDArray totalCorrelation =
                        penalty == null
                                ? batchManager.full(terms.loss().getShape(), Float.NaN)
                                : penalty.totalCorrelation();
                collector.backward(loss);
                values =
                        NDArrays.stack(
                                        new NDList(
                                                loss,
                                                terms.reconstruction(),
                                                terms.kl(),
                                                totalCorrelation))
                                .toFloatArray();
            }
            if (!Float.isFinite(values[0])) {
                throw new TextvaeException(
                        TextvaeException.Kind.NUMERIC,
                        String.format(
                                "training diverged at step %d (loss %s)", step + 1, values[0]));
            }
            float norm = optimizer.step(learningRate, config.clipNorm());
            if (!Float.isFinite(norm)) {
                // The update has just made the weights NaN; the loop saves nothing after this.
                throw new TextvaeException(
                        TextvaeException.Kind.NUMERIC,
                        String.format(
                                "training diverged at step %d (gradient norm %s)", step + 1, norm));
            }
            float discriminatorLoss =
                    factorVae == null
                            ? Float.NaN
                            : factorVae.train(store, terms.z(), learningRate, random);
            return new Outcome(
                    values[0],
                    values[1],
                    values[2],
                    beta,
                    norm,
                    batch.tokenCount(),
                    values[3],
                    discriminatorLoss);
        }
    }

    /** The sentences of a batch of indices. */
    static List<int[]> select(List<int[]> sentences, int[] indices) {
        List<int[]> selected = new ArrayList<>(indices.length);
        for (int index : indices) {
            selected.add(sentences.get(index));
        }
        return selected;
    }
}
