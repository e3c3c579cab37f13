package org.textvae.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.textvae.corpus.Corpus;
import org.textvae.generate.SentenceVae;
import org.textvae.generate.StepwiseDecoder;
import org.textvae.generate.TokenChooser;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Puts every figure of {@link EvaluationReport} together for one split of a corpus: the ELBO's
 * terms, the IW NLL, MI and active units, token accuracy, and the prior-sample figures. Works from
 * a {@link Checkpoint}, so VAE, AE and the LM baseline are scored by the same code.
 */
public final class ModelEvaluator {

    /** Prior samples decoded in one batch. */
    private static final int SAMPLE_BATCH = 250;

    /**
     * A report and the posterior means behind it (for the latent plot).
     *
     * @param report the figures
     * @param posteriors the deterministic pass (means empty for an LM)
     */
    public record Result(EvaluationReport report, PosteriorPass.Result posteriors) {}

    private ModelEvaluator() {}

    /**
     * Evaluates a model on one split of {@code corpus}.
     *
     * @param name how the report names the model
     */
    public static Result evaluate(
            Checkpoint checkpoint, String name, Corpus corpus, EvaluationOptions options) {
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = Vocabulary.fromJson(checkpoint.tokenizerJson())) {
            SentenceVaeNetwork network = checkpoint.network(manager);
            TokenBatch.Specials specials = specials(vocabulary);
            List<int[]> ids =
                    encode(
                            vocabulary,
                            subsample(
                                    corpus.split(options.split()),
                                    options.limit(),
                                    options.seed()));
            if (ids.isEmpty()) {
                throw new IllegalArgumentException(
                        "the "
                                + options.split().label()
                                + " split of "
                                + corpus.name()
                                + " has no sentences to evaluate");
            }
            ModelConfig config = network.config();
            ElboEvaluator.Report elbo =
                    ElboEvaluator.evaluate(
                            network, manager, ids, specials, options.seed(), options.batchSize());
            ImportanceWeightedNll.Result iw =
                    config.kind() == ModelKind.AE
                            ? null
                            : ImportanceWeightedNll.estimate(
                                    network,
                                    manager,
                                    ids,
                                    specials,
                                    options.iwSamples(),
                                    options.seed(),
                                    ImportanceWeightedNll.DEFAULT_ROWS);
            PosteriorPass.Result posteriors =
                    PosteriorPass.run(network, manager, ids, specials, options.batchSize());
            List<int[]> sampleIds = priorSamples(network, manager, specials, options);
            EvaluationReport report =
                    report(
                            name,
                            options,
                            config,
                            elbo,
                            iw,
                            posteriors,
                            sampleIds,
                            vocabulary,
                            corpus);
            return new Result(report, posteriors);
        }
    }

    private static EvaluationReport report(
            String name,
            EvaluationOptions options,
            ModelConfig config,
            ElboEvaluator.Report elbo,
            ImportanceWeightedNll.Result iw,
            PosteriorPass.Result posteriors,
            List<int[]> sampleIds,
            Vocabulary vocabulary,
            Corpus corpus) {
        ModelKind kind = config.kind();
        double mutualInformation =
                switch (kind) {
                    case VAE ->
                            MutualInformation.estimate(
                                    posteriors.means(),
                                    posteriors.logVariances(),
                                    MutualInformation.DEFAULT_CAP,
                                    options.seed());
                    case AE -> Double.NaN;
                    case LM -> 0;
                };
        List<String> samples = new ArrayList<>(sampleIds.size());
        for (int[] sample : sampleIds) {
            samples.add(vocabulary.decode(sample));
        }
        Set<String> training = new HashSet<>(corpus.train());
        double validForm =
                PoemForm.isPoemCorpus(corpus.train()) ? PoemForm.validRate(samples) : Double.NaN;
        return new EvaluationReport(
                name,
                kind.name(),
                options.split().label(),
                elbo.sentences(),
                elbo.tokens(),
                elbo.reconstruction(),
                elbo.kl(),
                elbo.perplexity(),
                iw == null ? 0 : iw.samples(),
                iw == null ? Double.NaN : iw.nll(),
                iw == null ? Double.NaN : iw.perplexity(),
                mutualInformation,
                elbo.activeUnits(),
                kind.hasLatent() ? config.latentSize() : 0,
                posteriors.tokenAccuracy(),
                samples.size(),
                SampleDiversity.distinct(sampleIds, 1),
                SampleDiversity.distinct(sampleIds, 2),
                SelfBleu.selfBleu(
                        sampleIds, EvaluationOptions.SELF_BLEU_HYPOTHESES, options.seed()),
                SampleDiversity.novelty(samples, training),
                validForm,
                options.seed());
    }

    /**
     * Token ids of the prior samples. A latent model decodes z ~ N(0, I) greedily, with z drawn
     * exactly as {@link SentenceVae#priorSamples} draws it, so {@code textvae generate --seed}
     * shows the same lines; the LM has no z, and greedy decoding would give one line n times, so it
     * samples ancestrally at temperature 1.
     */
    static List<int[]> priorSamples(
            SentenceVaeNetwork network,
            NDManager parent,
            TokenBatch.Specials specials,
            EvaluationOptions options) {
        ModelConfig config = network.config();
        StepwiseDecoder decoder = new StepwiseDecoder(network, specials);
        SplittableRandom zRandom = new SplittableRandom(options.seed());
        TokenChooser chooser =
                config.kind().hasLatent()
                        ? TokenChooser.greedy()
                        : TokenChooser.sampling(1.0, 0, new SplittableRandom(options.seed() + 1));
        List<int[]> samples = new ArrayList<>(options.samples());
        for (int done = 0; done < options.samples(); done += SAMPLE_BATCH) {
            int count = Math.min(SAMPLE_BATCH, options.samples() - done);
            try (NDManager manager = parent.newSubManager()) {
                float[] z = new float[count * config.latentSize()];
                for (int i = 0; i < z.length && config.kind().hasLatent(); i++) {
                    z[i] = (float) zRandom.nextGaussian();
                }
                // The LM ignores z; the zeros only tell the decoder how many rows to run.
                NDArray codes = manager.create(z, new Shape(count, config.latentSize()));
                samples.addAll(
                        decoder.decode(
                                manager,
                                codes,
                                SentenceVae.DEFAULT_MAX_LENGTH,
                                0,
                                new int[0],
                                chooser));
            }
        }
        return samples;
    }

    /** The posterior pass alone, over at most {@code limit} sentences (seeded subsample). */
    public static PosteriorPass.Result posteriors(
            Checkpoint checkpoint, List<String> sentences, int limit, long seed) {
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = Vocabulary.fromJson(checkpoint.tokenizerJson())) {
            SentenceVaeNetwork network = checkpoint.network(manager);
            TokenBatch.Specials specials = specials(vocabulary);
            List<int[]> ids = encode(vocabulary, subsample(sentences, limit, seed));
            return PosteriorPass.run(
                    network, manager, ids, specials, EvaluationOptions.defaults().batchSize());
        }
    }

    /** At most {@code limit} sentences (0: all), a seeded subsample kept in corpus order. */
    static List<String> subsample(List<String> sentences, int limit, long seed) {
        if (limit == 0 || sentences.size() <= limit) {
            return sentences;
        }
        List<Integer> rows =
                MutualInformation.subsample(sentences.size(), limit, new SplittableRandom(seed));
        rows.sort(null);
        List<String> chosen = new ArrayList<>(rows.size());
        for (int row : rows) {
            chosen.add(sentences.get(row));
        }
        return chosen;
    }

    private static TokenBatch.Specials specials(Vocabulary vocabulary) {
        return new TokenBatch.Specials(
                vocabulary.padId(), vocabulary.unkId(), vocabulary.bosId(), vocabulary.eosId());
    }

    /** Token ids of each sentence; a sentence with no tokens cannot be scored and is dropped. */
    private static List<int[]> encode(Vocabulary vocabulary, List<String> sentences) {
        List<int[]> ids = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            int[] tokens = vocabulary.encode(sentence);
            if (tokens.length > 0) {
                ids.add(tokens);
            }
        }
        return ids;
    }
}
