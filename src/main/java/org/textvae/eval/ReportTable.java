package org.textvae.eval;

import java.util.Locale;

/** The text table {@link EvaluationReport#table()} prints: one line per figure, with its unit. */
final class ReportTable {

    private ReportTable() {}

    /** The report as lines of label and value. */
    static String render(EvaluationReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "model", r.model() + " (" + r.kind() + ", latent " + r.latentSize() + ")");
        line(
                out,
                "split",
                String.format(
                        Locale.ROOT,
                        "%s: %d sentences, %d tokens (<eos> included)",
                        r.split(),
                        r.sentences(),
                        r.tokens()));
        line(
                out,
                "reconstruction NLL",
                nats(r.reconstruction()) + " per sentence (one z ~ q(z|x))");
        line(out, "KL(q(z|x) || p(z))", nats(r.kl()) + " per sentence");
        line(
                out,
                "-ELBO (rec + KL)",
                nats(r.negativeElbo()) + ", perplexity " + fixed(r.elboPerplexity(), 2));
        line(
                out,
                "IW NLL (k=" + r.iwSamples() + ")",
                Double.isNaN(r.iwNll())
                        ? "n/a (a deterministic autoencoder defines no p(x))"
                        : nats(r.iwNll())
                                + ", perplexity "
                                + fixed(r.iwPerplexity(), 2)
                                + (r.kind().equals("LM") ? " (exact for an LM)" : ""));
        line(
                out,
                "mutual information",
                Double.isNaN(r.mutualInformation())
                        ? "n/a (q(z|x) is a point mass)"
                        : nats(r.mutualInformation()));
        line(out, "total correlation", tcText(r));
        line(
                out,
                "active units",
                r.activeUnits() + " of " + r.latentSize() + " (Cov_x E_q[z] > 0.01)");
        line(out, "token accuracy", percent(r.tokenAccuracy()) + " (teacher forcing, z = mean)");
        if (!Double.isNaN(r.writtenBack())) {
            line(out, "written back", percent(r.writtenBack()) + " of lines (greedy, z = mean)");
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "prior samples: %d, %s%n",
                        r.samples(),
                        r.kind().equals("LM")
                                ? "ancestral sampling"
                                : "greedy decoding of codes from the model's prior (N(0, I) or fitted)"));
        line(out, "  distinct-1 / -2", fixed(r.distinct1(), 3) + " / " + fixed(r.distinct2(), 3));
        line(out, "  self-BLEU-4", fixed(r.selfBleu(), 3));
        line(out, "  novelty", percent(r.novelty()) + " not in the training split");
        line(
                out,
                "  valid poem form",
                Double.isNaN(r.validFormRate())
                        ? "n/a (not a poem corpus)"
                        : percent(r.validFormRate())
                                + " (5 or 7 characters, no <unk>, no character 3 times in a row)");
        line(
                out,
                "  NLL under the LM",
                r.samplesUnderLm() == null
                        ? "n/a (no --lm given)"
                        : nats(r.samplesLmNll())
                                + " per sentence, "
                                + nats(r.samplesLmNllPerToken())
                                + " per token");
        out.append("Perplexities are per token, counting <eos> as a token.\n");
        return out.toString();
    }

    private static String tcText(EvaluationReport r) {
        if (r.totalCorrelation() == null || Double.isNaN(r.tc())) {
            return "n/a (no latent space)";
        }
        String text =
                nats(r.tc())
                        + (r.totalCorrelation().method().equals("kernel")
                                ? " (codes smoothed by a kernel: an AE has no posterior width)"
                                : " (q(z) as a mixture of the posteriors)");
        text +=
                Double.isNaN(r.gaussianTc())
                        ? "; Gaussian n/a (needs more sentences than latent dimensions)"
                        : "; Gaussian " + nats(r.gaussianTc()) + " (linear dependence only)";
        return Double.isNaN(r.discriminatorTc())
                ? text
                : text + "; discriminator " + nats(r.discriminatorTc());
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
        return Numbers.fixed(value, decimals, "n/a");
    }
}
