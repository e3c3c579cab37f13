package org.textvae.prior;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.TextvaeException;
import org.textvae.corpus.Subsample;
import org.textvae.model.Checkpoint;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Fits a model's prior, either a Gaussian mixture fitted to one posterior draw per training
 * sentence or the posteriors of a sample of training sentences kept as they are; the held-out
 * sentences' draws are scored under it and under N(0, I), to show how well the fitted prior covers
 * sentences it was not fitted to.
 */
public final class PriorFitting {

    /**
     * @param checkpoint the model with the fitted prior as its {@code prior.json}
     * @param prior the fitted prior
     * @param iterations EM iterations run (0 for a posterior mixture)
     * @param fitted training sentences it was fitted to
     * @param heldOut held-out sentences scored
     * @param fittedLogDensity mean log density of the fitted codes under the prior, nats (NaN for a
     *     posterior mixture, which holds its codes' own posteriors)
     * @param heldOutLogDensity mean log density of held-out codes under the prior, nats
     * @param heldOutStandardLogDensity the same under N(0, I), nats
     */
    public record Report(
            Checkpoint checkpoint,
            LatentPrior prior,
            int iterations,
            int fitted,
            int heldOut,
            double fittedLogDensity,
            double heldOutLogDensity,
            double heldOutStandardLogDensity) {}

    private PriorFitting() {}

    /**
     * @param train sentences to fit to; at most {@code limit}, drawn by the settings' seed
     * @param heldOut sentences to score the fit on; at most {@code limit}
     */
    public static Report fit(
            Checkpoint checkpoint,
            String source,
            List<String> train,
            List<String> heldOut,
            MixtureFit.Settings settings,
            int limit) {
        requireLatent(checkpoint);
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        long choice = seeds.nextLong();
        long fitNoise = seeds.nextLong();
        long heldOutNoise = seeds.nextLong();
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary(source)) {
            SentenceVaeNetwork network = checkpoint.network(manager, source);
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            List<int[]> fitIds = vocabulary.encodeNonEmpty(Subsample.of(train, limit, choice));
            List<int[]> heldOutIds =
                    vocabulary.encodeNonEmpty(Subsample.of(heldOut, limit, choice));
            if (fitIds.size() < 2 * settings.components()) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        "a mixture of "
                                + settings.components()
                                + " components needs at least "
                                + 2 * settings.components()
                                + " training sentences, got "
                                + fitIds.size());
            }
            double[][] codes = PosteriorCodes.draw(network, manager, specials, fitIds, fitNoise);
            MixtureFit.Result result = MixtureFit.fit(codes, settings);
            double[][] held = heldOutCodes(network, manager, specials, heldOutIds, heldOutNoise);
            return report(
                    checkpoint,
                    result.mixture(),
                    "one posterior draw for each of " + fitIds.size() + " training lines",
                    result.iterations(),
                    fitIds.size(),
                    result.meanLogDensity(),
                    held);
        }
    }

    /**
     * Keeps the posteriors of {@code count} training sentences, drawn by {@code seed}, widened by
     * {@code widening}.
     *
     * @param heldOut sentences to score the prior on; at most {@code count}
     */
    public static Report keepPosteriors(
            Checkpoint checkpoint,
            String source,
            List<String> train,
            List<String> heldOut,
            int count,
            double widening,
            long seed) {
        requireLatent(checkpoint);
        SplittableRandom seeds = new SplittableRandom(seed);
        long choice = seeds.nextLong();
        seeds.nextLong();
        long heldOutNoise = seeds.nextLong();
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary(source)) {
            SentenceVaeNetwork network = checkpoint.network(manager, source);
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            List<int[]> keptIds = vocabulary.encodeNonEmpty(Subsample.of(train, count, choice));
            List<int[]> heldOutIds =
                    vocabulary.encodeNonEmpty(Subsample.of(heldOut, count, choice));
            if (keptIds.isEmpty()) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT, "no training sentence to keep");
            }
            PosteriorCodes.Posteriors kept =
                    PosteriorCodes.encode(network, manager, specials, keptIds);
            int[] lengths = keptIds.stream().mapToInt(ids -> ids.length).toArray();
            PosteriorMixture prior =
                    new PosteriorMixture(
                            toFloats(kept.means()), toFloats(kept.sigmas()), widening, lengths);
            double[][] held = heldOutCodes(network, manager, specials, heldOutIds, heldOutNoise);
            return report(
                    checkpoint,
                    prior,
                    "the posteriors of "
                            + keptIds.size()
                            + " training lines, widened "
                            + widening
                            + " times",
                    0,
                    keptIds.size(),
                    Double.NaN,
                    held);
        }
    }

    private static double[][] heldOutCodes(
            SentenceVaeNetwork network,
            NDManager manager,
            TokenBatch.Specials specials,
            List<int[]> heldOutIds,
            long noise) {
        return heldOutIds.isEmpty()
                ? new double[0][]
                : PosteriorCodes.draw(network, manager, specials, heldOutIds, noise);
    }

    /** The checkpoint with {@code prior}, and how it covers the held-out codes. */
    private static Report report(
            Checkpoint checkpoint,
            LatentPrior prior,
            String fittedTo,
            int iterations,
            int fitted,
            double fittedLogDensity,
            double[][] held) {
        LatentPrior standard = new StandardNormal(checkpoint.config().latentSize());
        return new Report(
                PriorEntry.with(checkpoint, prior, fittedTo),
                prior,
                iterations,
                fitted,
                held.length,
                fittedLogDensity,
                meanLogDensity(prior, held),
                meanLogDensity(standard, held));
    }

    private static void requireLatent(Checkpoint checkpoint) {
        if (!checkpoint.config().kind().hasLatent()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "a language model has no latent space to fit");
        }
    }

    private static float[][] toFloats(double[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = (float) rows[i][j];
            }
        }
        return out;
    }

    private static double meanLogDensity(LatentPrior prior, double[][] codes) {
        if (codes.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        float[] z = new float[prior.dimension()];
        for (double[] code : codes) {
            for (int d = 0; d < z.length; d++) {
                z[d] = (float) code[d];
            }
            sum += prior.logDensity(z);
        }
        return sum / codes.length;
    }
}
