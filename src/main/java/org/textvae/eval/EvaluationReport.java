package org.textvae.eval;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;

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
 * @param samples prior samples decoded
 * @param distinct1 distinct unigrams / unigrams over the samples
 * @param distinct2 distinct bigrams / bigrams
 * @param selfBleu mean BLEU-4 of a sample against the others
 * @param novelty share of samples not in the training split
 * @param validFormRate share of samples of valid poem form (NaN: not a poem corpus)
 * @param seed the seed of every draw
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
        int samples,
        double distinct1,
        double distinct2,
        double selfBleu,
        double novelty,
        double validFormRate,
        long seed) {

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
                    TextvaeException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A table for people; undefined figures read "n/a" with the reason. */
    public String table() {
        StringBuilder out = new StringBuilder();
        line(out, "model", model + " (" + kind + ", latent " + latentSize + ")");
        line(
                out,
                "split",
                String.format(
                        Locale.ROOT,
                        "%s: %d sentences, %d tokens (<eos> included)",
                        split,
                        sentences,
                        tokens));
        line(out, "reconstruction NLL", nats(reconstruction) + " per sentence (one z ~ q(z|x))");
        line(out, "KL(q(z|x) || p(z))", nats(kl) + " per sentence");
        line(
                out,
                "-ELBO (rec + KL)",
                nats(negativeElbo()) + ", perplexity " + fixed(elboPerplexity, 2));
        line(
                out,
                "IW NLL (k=" + iwSamples + ")",
                Double.isNaN(iwNll)
                        ? "n/a (a deterministic autoencoder defines no p(x))"
                        : nats(iwNll)
                                + ", perplexity "
                                + fixed(iwPerplexity, 2)
                                + (kind.equals("LM") ? " (exact for an LM)" : ""));
        line(
                out,
                "mutual information",
                Double.isNaN(mutualInformation)
                        ? "n/a (q(z|x) is a point mass)"
                        : nats(mutualInformation));
        line(out, "active units", activeUnits + " of " + latentSize + " (Cov_x E_q[z] > 0.01)");
        line(out, "token accuracy", percent(tokenAccuracy) + " (teacher forcing, z = mean)");
        out.append(
                String.format(
                        Locale.ROOT,
                        "prior samples: %d, %s%n",
                        samples,
                        kind.equals("LM")
                                ? "ancestral sampling"
                                : "greedy decoding of z ~ N(0, I)"));
        line(out, "  distinct-1 / -2", fixed(distinct1, 3) + " / " + fixed(distinct2, 3));
        line(out, "  self-BLEU-4", fixed(selfBleu, 3));
        line(out, "  novelty", percent(novelty) + " not in the training split");
        line(
                out,
                "  valid poem form",
                Double.isNaN(validFormRate) ? "n/a (not a poem corpus)" : percent(validFormRate));
        out.append("Perplexities are per token, counting <eos> as a token.\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", label, value));
    }

    private static String nats(double value) {
        return fixed(value, 3) + " nats";
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : fixed(100 * value, 1) + "%";
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value)
                ? "n/a"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A figure as the CSV holds it: full precision, empty when undefined. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
