package org.textvae.eval;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.Split;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.prior.PriorEntry;
import org.textvae.vocab.Vocabulary;

/**
 * Puts every figure of {@link EvaluationReport} together for one split of a corpus: the ELBO's
 * terms, the IW NLL, MI, total correlation and active units, token accuracy, and the prior-sample
 * figures (with, given a separately trained LM, their NLL under it). Works from a {@link
 * Checkpoint}, so VAE, AE and the LM baseline are scored by the same code.
 */
public final class ModelEvaluator {

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
        return evaluate(checkpoint, name, corpus, options, null);
    }

    /**
     * Evaluates a model on one split of {@code corpus} and, given a language model {@code lm}
     * (null: none), scores its prior samples under that LM.
     *
     * @param name how the report names the model
     */
    public static Result evaluate(
            Checkpoint checkpoint,
            String name,
            Corpus corpus,
            EvaluationOptions options,
            LanguageModelScore.Reference lm) {
        return evaluate(checkpoint, name, corpus, options, lm, ProgressListener.NONE);
    }

    /** As above, reporting the progress of the importance-weighted NLL to {@code progress}. */
    public static Result evaluate(
            Checkpoint checkpoint,
            String name,
            Corpus corpus,
            EvaluationOptions options,
            LanguageModelScore.Reference lm,
            ProgressListener progress) {
        if (lm != null) {
            LanguageModelScore.requireCompatible(
                    lm.checkpoint(), lm.name(), checkpoint.tokenizerJson());
        }
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the model")) {
            SentenceVaeNetwork network = checkpoint.network(manager);
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            List<int[]> ids =
                    vocabulary.encodeNonEmpty(
                            subsample(
                                    corpus.split(options.split()),
                                    options.limit(),
                                    options.seed()));
            requireMostlyKnown(ids, vocabulary.unkId(), corpus.name());
            if (ids.isEmpty()) {
                throw new IllegalArgumentException(
                        "the "
                                + options.split().label()
                                + " split of "
                                + corpus.name()
                                + " has no sentences to evaluate"
                                + otherSplits(corpus, options.split()));
            }
            Figures figures = figures(network, manager, ids, specials, options, progress);
            List<int[]> sampleIds =
                    PriorSamples.decode(
                            network, manager, specials, PriorEntry.of(checkpoint, name), options);
            LanguageModelScore.Result underLm =
                    lm == null
                            ? null
                            : LanguageModelScore.score(
                                    lm.checkpoint(), lm.name(), sampleIds, options.batchSize());
            TotalCorrelation.Estimate tc =
                    TotalCorrelation.forModel(checkpoint, figures.posteriors, options.seed());
            EvaluationReport report =
                    report(name, options, network.config(), figures, sampleIds, vocabulary, corpus)
                            .withDependence(tc, underLm);
            return new Result(report, figures.posteriors);
        }
    }

    /** Where a corpus's sentences are, when the split asked for has none. */
    private static String otherSplits(Corpus corpus, Split empty) {
        List<String> found = new ArrayList<>();
        for (Split split : Split.values()) {
            if (split != empty && !corpus.split(split).isEmpty()) {
                found.add(
                        String.format(
                                Locale.ROOT,
                                "--split %s (%,d)",
                                split.label(),
                                corpus.split(split).size()));
            }
        }
        return found.isEmpty() ? "" : "; its sentences are in " + String.join(" and ", found);
    }

    /** The passes over the evaluated sentences. */
    private record Figures(
            ElboEvaluator.Report elbo,
            ImportanceWeightedNll.Result iw,
            PosteriorPass.Result posteriors) {}

    private static Figures figures(
            SentenceVaeNetwork network,
            NDManager manager,
            List<int[]> ids,
            TokenBatch.Specials specials,
            EvaluationOptions options,
            ProgressListener progress) {
        ElboEvaluator.Report elbo =
                ElboEvaluator.evaluate(
                        network, manager, ids, specials, options.seed(), options.batchSize());
        ImportanceWeightedNll.Result iw =
                network.config().kind() == ModelKind.AE
                        ? null
                        : ImportanceWeightedNll.estimate(
                                network,
                                manager,
                                ids,
                                specials,
                                options.iwSamples(),
                                options.seed(),
                                ImportanceWeightedNll.DEFAULT_ROWS,
                                progress);
        PosteriorPass.Result posteriors =
                PosteriorPass.run(network, manager, ids, specials, options.batchSize());
        return new Figures(elbo, iw, posteriors);
    }

    private static EvaluationReport report(
            String name,
            EvaluationOptions options,
            ModelConfig config,
            Figures figures,
            List<int[]> sampleIds,
            Vocabulary vocabulary,
            Corpus corpus) {
        ElboEvaluator.Report elbo = figures.elbo;
        ImportanceWeightedNll.Result iw = figures.iw;
        PosteriorPass.Result posteriors = figures.posteriors;
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
                kind.hasLatent()
                        ? posteriors.writtenBackRate(posteriors.means().size())
                        : Double.NaN,
                samples.size(),
                SampleDiversity.distinct(sampleIds, 1),
                SampleDiversity.distinct(sampleIds, 2),
                SelfBleu.selfBleu(
                        sampleIds, EvaluationOptions.SELF_BLEU_HYPOTHESES, options.seed()),
                SampleDiversity.novelty(samples, training),
                validForm,
                options.seed(),
                null,
                null);
    }

    /** The posterior pass alone, over at most {@code limit} sentences (seeded subsample). */
    public static PosteriorPass.Result posteriors(
            Checkpoint checkpoint, List<String> sentences, int limit, long seed) {
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the model")) {
            SentenceVaeNetwork network = checkpoint.network(manager);
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            List<int[]> ids = vocabulary.encodeNonEmpty(subsample(sentences, limit, seed));
            requireMostlyKnown(ids, vocabulary.unkId(), "the held-out sentences");
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

    /**
     * Refuses sentences that are mostly {@code <unk>} to the model: then the corpus is not one the
     * model was trained for (another language, another vocabulary), and every figure would be
     * measured on unknown tokens and mean nothing.
     */
    static void requireMostlyKnown(List<int[]> ids, int unkId, String corpusName) {
        long tokens = 0;
        long unknown = 0;
        for (int[] sentence : ids) {
            tokens += sentence.length;
            for (int id : sentence) {
                if (id == unkId) {
                    unknown++;
                }
            }
        }
        if (tokens > 0 && unknown * 2 > tokens) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    String.format(
                            Locale.ROOT,
                            "%.0f%% of the tokens of %s are unknown to the model's vocabulary;"
                                    + " give text in the language and vocabulary it was trained"
                                    + " on",
                            100.0 * unknown / tokens,
                            corpusName));
        }
    }
}
