package org.textvae.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.corpus.LengthBuckets;
import org.textvae.eval.PosteriorPass;
import org.textvae.model.Checkpoint;
import org.textvae.model.LossTerms;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Trains the encoder's mean, and nothing else, so that a sentence's code writes it back.
 *
 * <p>A VAE's encoder is trained on noisy codes z = μ + σε beside a decoder that is still moving; at
 * the end its μ is often not the code from which the decoder writes the sentence (the amortisation
 * gap). With the decoder, the embedding and the log-variance head frozen, this fit minimises −log
 * p(x | z = μ) + ½β‖μ‖² over training sentences: the reconstruction reconstruct and interpolate
 * decode, held near the prior by the same β the VAE's KL term had. Everything generation reads
 * (decoder, prior) is untouched, so samples do not change.
 *
 * <p>The held-out sentences are measured before the first step and every {@code checkEvery} steps;
 * the weights that wrote back the most of them are the ones kept.
 */
public final class EncoderFit {

    /**
     * @param steps optimiser steps
     * @param learningRate Adam's rate after warm-up; small, as the encoder starts trained
     * @param warmUp steps over which the rate rises linearly from 0 (Adam's first moments are
     *     empty, and a full step then jolts every weight at once)
     * @param batchSize sentences per step, of one length each
     * @param priorWeight β in ½β‖μ‖²
     * @param checkEvery steps between measurements of the held-out sentences
     * @param seed orders the batches
     */
    public record Settings(
            int steps,
            float learningRate,
            int warmUp,
            int batchSize,
            float priorWeight,
            int checkEvery,
            long seed) {

        public static final int STEPS = 3000;
        public static final float LEARNING_RATE = 3e-4f;
        public static final int WARM_UP = 200;
        public static final int BATCH = 128;

        /** The shipped model's β. */
        public static final float PRIOR_WEIGHT = 0.1f;

        public static final int CHECK_EVERY = 500;

        public Settings {
            if (steps < 1 || batchSize < 1 || checkEvery < 1 || warmUp < 0) {
                throw new IllegalArgumentException("steps, batch size, checks must be positive");
            }
            if (!(learningRate > 0) || !(priorWeight >= 0)) {
                throw new IllegalArgumentException(
                        "learning rate must be positive, prior weight non-negative");
            }
        }

        /** The settings that fitted the shipped model's encoder, with {@code seed}. */
        public static Settings defaults(long seed) {
            return new Settings(
                    STEPS, LEARNING_RATE, WARM_UP, BATCH, PRIOR_WEIGHT, CHECK_EVERY, seed);
        }

        float rateAt(int step) {
            return warmUp == 0 ? learningRate : learningRate * Math.min(1f, (step + 1f) / warmUp);
        }
    }

    /**
     * How many held-out sentences greedy decoding from μ wrote back, and at what likelihood.
     *
     * @param step after how many steps (0: the encoder as it came)
     * @param writtenBack share of held-out sentences written back exactly
     * @param negativeLogLikelihood −log p(x | z = μ) per held-out sentence
     */
    public record Check(int step, double writtenBack, double negativeLogLikelihood) {

        /** More lines written back, or as many at a higher likelihood. */
        boolean betterThan(Check other) {
            return writtenBack > other.writtenBack
                    || writtenBack == other.writtenBack
                            && negativeLogLikelihood < other.negativeLogLikelihood;
        }
    }

    /**
     * @param checkpoint the model with the kept encoder, its other weights and entries unchanged
     * @param before the held-out sentences with the encoder as it came
     * @param kept the check of the weights kept
     * @param checks every check, in order
     */
    public record Report(Checkpoint checkpoint, Check before, Check kept, List<Check> checks) {}

    /** Told of each step and each check, as they happen. */
    public interface Listener {
        Listener NONE =
                new Listener() {
                    @Override
                    public void stepped(int done) {}

                    @Override
                    public void checked(Check check) {}
                };

        void stepped(int done);

        void checked(Check check);
    }

    private static final int CHECK_BATCH = 256;

    /** Gradients are clipped as training clips them by default. */
    private static final float CLIP_NORM = TrainConfig.defaults().clipNorm();

    private EncoderFit() {}

    /**
     * Fits the encoder of {@code checkpoint} to {@code train} sentences and keeps the weights that
     * write back the most {@code heldOut} sentences.
     *
     * @param listener told of each step and check
     */
    public static Report fit(
            Checkpoint checkpoint,
            String source,
            List<String> train,
            List<String> heldOut,
            Settings settings,
            Listener listener) {
        if (!checkpoint.config().kind().samplesLatent()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "only a VAE's encoder can be fitted: "
                            + source
                            + (checkpoint.config().kind().hasLatent()
                                    ? " is an autoencoder"
                                    : " is a language model"));
        }
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary(source)) {
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            List<int[]> trainIds = vocabulary.encodeNonEmpty(train);
            List<int[]> heldOutIds = vocabulary.encodeNonEmpty(heldOut);
            if (trainIds.isEmpty() || heldOutIds.isEmpty()) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        "fitting the encoder needs training and held-out sentences; the corpus"
                                + " has "
                                + trainIds.size()
                                + " and "
                                + heldOutIds.size());
            }
            SentenceVaeNetwork network = checkpoint.network(manager, source);
            List<Parameter> trained = network.meanEncoderParameters();
            trained.forEach(parameter -> parameter.freeze(false));
            List<Check> checks = new ArrayList<>();
            Check before = check(network, manager, heldOutIds, specials, 0);
            checks.add(before);
            listener.checked(before);
            Check kept = before;
            byte[] keptWeights = checkpoint.weights();
            LengthBuckets buckets = new LengthBuckets(trainIds, settings.batchSize());
            try (AdamOptimizer optimizer = new AdamOptimizer(trained, manager)) {
                int step = 0;
                for (int epoch = 0; step < settings.steps(); epoch++) {
                    for (int[] members : buckets.epoch(settings.seed(), epoch)) {
                        if (step == settings.steps()) {
                            break;
                        }
                        takeStep(
                                network,
                                manager,
                                TrainingStep.select(trainIds, members),
                                specials,
                                settings.priorWeight());
                        float norm = optimizer.step(settings.rateAt(step), CLIP_NORM);
                        if (!Float.isFinite(norm)) {
                            throw new TextvaeException(
                                    TextvaeException.Kind.NUMERIC,
                                    "fitting the encoder diverged at step "
                                            + (step + 1)
                                            + "; a lower learning rate may avoid it");
                        }
                        step++;
                        listener.stepped(step);
                        if (step % settings.checkEvery() == 0 || step == settings.steps()) {
                            Check now = check(network, manager, heldOutIds, specials, step);
                            checks.add(now);
                            listener.checked(now);
                            if (now.betterThan(kept)) {
                                kept = now;
                                keptWeights =
                                        Checkpoint.of(network, checkpoint.tokenizerJson(), Map.of())
                                                .weights();
                            }
                        }
                    }
                }
            }
            Checkpoint fitted =
                    new Checkpoint(
                            checkpoint.config(),
                            checkpoint.tokenizerJson(),
                            keptWeights,
                            checkpoint.extras());
            return new Report(fitted, before, kept, List.copyOf(checks));
        }
    }

    private static void takeStep(
            SentenceVaeNetwork network,
            NDManager manager,
            List<int[]> sentences,
            TokenBatch.Specials specials,
            float priorWeight) {
        try (NDManager batchManager = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(batchManager, false);
            // No word dropout: the decoder reads the sentence as greedy decoding would.
            TokenBatch batch = TokenBatch.of(batchManager, sentences, specials, 0, null);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Posterior posterior =
                        network.encode(store, batch.encoderIds(), batch.lengths(), true);
                NDArray z = posterior.mean();
                NDArray state = network.initialState(store, z, batch.size(), batchManager, true);
                NDArray logits =
                        network.decode(store, z, batch.decoderInputs(), state, true).head();
                NDArray reconstruction =
                        LossTerms.reconstruction(logits, batch.targets(), batch.mask());
                NDArray prior = z.square().sum(new int[] {1}).mul(priorWeight / 2);
                collector.backward(reconstruction.add(prior).mean());
            }
        }
    }

    private static Check check(
            SentenceVaeNetwork network,
            NDManager manager,
            List<int[]> sentences,
            TokenBatch.Specials specials,
            int step) {
        PosteriorPass.Result pass =
                PosteriorPass.run(network, manager, sentences, specials, CHECK_BATCH);
        return new Check(
                step,
                pass.writtenBackRate(sentences.size()),
                pass.negativeLogLikelihood() / sentences.size());
    }
}
