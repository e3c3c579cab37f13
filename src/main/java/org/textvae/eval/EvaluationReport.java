package org.textvae.eval;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;
import org.textvae.io.IoErrors;

/**
 * Every figure of one evaluation. NaN marks a figure the model does not define: the IW NLL of a
 * deterministic autoencoder, the mutual information of a delta posterior, valid poem form on a
 * corpus that is not poems. Perplexities count {@code <eos>} as a token.
 *
 * @param model where the model came from
 * @param kind VAE, AE or LM
 * @param split the split scored
 * @param sentences sentences scored
 * @param tokens target tokens, {@code <eos>} included
 * @param reconstruction mean −log p(x|z), z ~ q(z|x) (one draw), nats per sentence
 * @param kl mean KL(q(z|x) ‖ N(0, I)), nats per sentence
 * @param elboPerplexity perplexity implied by the −ELBO
 * @param iwSamples k of the IW estimate (1 for an LM: exact)
 * @param iwNll importance-weighted NLL, nats per sentence
 * @param iwPerplexity perplexity implied by it
 * @param mutualInformation I(x; z) under q, nats (He et al. 2019)
 * @param activeUnits dimensions with Cov_x(E_q[z]) above 0.01
 * @param latentSize dimensions of z (0 for an LM)
 * @param tokenAccuracy teacher-forced argmax accuracy from z = μ
 * @param writtenBack share of sentences greedy decoding from z = μ writes back exactly (NaN for a
 *     language model)
 * @param samples prior samples decoded
 * @param distinct1 distinct unigrams / unigrams over the samples
 * @param distinct2 distinct bigrams / bigrams
 * @param selfBleu mean BLEU-4 of a sample against the others
 * @param novelty share of samples not in the training split
 * @param validFormRate share of samples of valid poem form (NaN: not a poem corpus)
 * @param seed the seed of every draw
 * @param totalCorrelation TC of the aggregate posterior (Chen et al. 2018) and, for FactorVAE, its
 *     discriminator's estimate (Kim and Mnih 2018); null before {@link #withDependence}
 * @param samplesUnderLm the prior samples' NLL under a separate LM (null: no LM given)
 */
public record EvaluationReport(
        String model,
        String kind,
        String split,
        int sentences,
        long tokens,
        double reconstruction,
        double kl,
        double elboPerplexity,
        int iwSamples,
        double iwNll,
        double iwPerplexity,
        double mutualInformation,
        int activeUnits,
        int latentSize,
        double tokenAccuracy,
        double writtenBack,
        int samples,
        double distinct1,
        double distinct2,
        double selfBleu,
        double novelty,
        double validFormRate,
        long seed,
        TotalCorrelation.Estimate totalCorrelation,
        LanguageModelScore.Result samplesUnderLm) {

    /** The same figures with the total correlation and the samples' LM score set. */
    public EvaluationReport withDependence(
            TotalCorrelation.Estimate tc, LanguageModelScore.Result underLm) {
        return new EvaluationReport(
                model,
                kind,
                split,
                sentences,
                tokens,
                reconstruction,
                kl,
                elboPerplexity,
                iwSamples,
                iwNll,
                iwPerplexity,
                mutualInformation,
                activeUnits,
                latentSize,
                tokenAccuracy,
                writtenBack,
                samples,
                distinct1,
                distinct2,
                selfBleu,
                novelty,
                validFormRate,
                seed,
                tc,
                underLm);
    }

    /** TC(z) in nats (NaN when not estimated or not defined). */
    public double tc() {
        return totalCorrelation == null ? Double.NaN : totalCorrelation.value();
    }

    /** TC of a Gaussian with the same correlations as q(z)'s samples (NaN: none). */
    public double gaussianTc() {
        return totalCorrelation == null ? Double.NaN : totalCorrelation.gaussian();
    }

    /** The FactorVAE discriminator's TC estimate (NaN without one). */
    public double discriminatorTc() {
        return totalCorrelation == null ? Double.NaN : totalCorrelation.discriminator();
    }

    /** Mean NLL of the prior samples under the LM, nats per sentence (NaN: no LM). */
    public double samplesLmNll() {
        return samplesUnderLm == null ? Double.NaN : samplesUnderLm.nllPerSentence();
    }

    /** The same per token, {@code <eos>} counted (NaN: no LM). */
    public double samplesLmNllPerToken() {
        return samplesUnderLm == null ? Double.NaN : samplesUnderLm.nllPerToken();
    }

    /** −ELBO = reconstruction + KL, nats per sentence: an upper bound on the NLL. */
    public double negativeElbo() {
        return reconstruction + kl;
    }

    /** The figures by CSV column name, in column order. */
    public Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("model", model);
        columns.put("kind", kind);
        columns.put("split", split);
        columns.put("sentences", Integer.toString(sentences));
        columns.put("tokens_with_eos", Long.toString(tokens));
        columns.put("reconstruction_nll", number(reconstruction));
        columns.put("kl", number(kl));
        columns.put("negative_elbo", number(negativeElbo()));
        columns.put("elbo_perplexity", number(elboPerplexity));
        columns.put("iw_samples", Integer.toString(iwSamples));
        columns.put("iw_nll", number(iwNll));
        columns.put("iw_perplexity", number(iwPerplexity));
        columns.put("mutual_information", number(mutualInformation));
        columns.put("active_units", Integer.toString(activeUnits));
        columns.put("latent_size", Integer.toString(latentSize));
        columns.put("token_accuracy", number(tokenAccuracy));
        columns.put("prior_samples", Integer.toString(samples));
        columns.put("distinct_1", number(distinct1));
        columns.put("distinct_2", number(distinct2));
        columns.put("self_bleu4", number(selfBleu));
        columns.put("novelty", number(novelty));
        columns.put("valid_form_rate", number(validFormRate));
        columns.put("seed", Long.toString(seed));
        // New columns go last, so readers that index the older ones keep working.
        columns.put("total_correlation", number(tc()));
        columns.put("tc_method", totalCorrelation == null ? "" : totalCorrelation.method());
        columns.put("tc_discriminator", number(discriminatorTc()));
        columns.put("tc_gaussian", number(gaussianTc()));
        columns.put("lm", samplesUnderLm == null ? "" : samplesUnderLm.model());
        columns.put("prior_lm_nll", number(samplesLmNll()));
        columns.put("prior_lm_nll_per_token", number(samplesLmNllPerToken()));
        columns.put("written_back", number(writtenBack));
        return columns;
    }

    /** Writes a header and one row of {@link #columns()} as CSV, atomically. */
    public void writeCsv(Path target) {
        Map<String, String> columns = columns();
        StringWriter text = new StringWriter();
        try (CSVWriter writer = new CSVWriter(text)) {
            writer.writeNext(columns.keySet().toArray(String[]::new), false);
            writer.writeNext(columns.values().toArray(String[]::new), false);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        try {
            AtomicFiles.write(
                    target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot write " + target + ": " + IoErrors.reason(e),
                    e);
        }
    }

    /** A table for people; undefined figures read "n/a" with the reason. */
    public String table() {
        return ReportTable.render(this);
    }

    /** A figure as the CSV holds it: full precision, empty when undefined. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
