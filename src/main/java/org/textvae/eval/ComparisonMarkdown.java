package org.textvae.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ModelComparison.Result} as Markdown (docs/compare/results.md is one): one table over all
 * models, then per model its picture and its decoded grid laid out as in the picture. "—" marks a
 * figure the model does not define (the IW NLL and MI of an autoencoder, anything latent of an LM).
 */
public final class ComparisonMarkdown {

    private static final String NONE = "—";

    private ComparisonMarkdown() {}

    /**
     * Renders the comparison.
     *
     * @param imageBase the folder the Markdown file will be in (image links are relative to it), or
     *     null to link the pictures by the paths they were written to
     */
    public static String render(ModelComparison.Result result, Path imageBase) {
        StringBuilder out = new StringBuilder();
        EvaluationOptions options = result.options();
        EvaluationReport first = result.rows().get(0).report();
        out.append(
                String.format(
                        Locale.ROOT,
                        "Corpus %s, %s split: %d held-out sentences (seed %d), IW NLL with k = %d,"
                                + " %d prior samples decoded greedily from each model's prior (N(0, I) unless fitted)%s.%n%n",
                        result.corpus(),
                        options.split().label(),
                        first.sentences(),
                        options.seed(),
                        options.iwSamples(),
                        options.samples(),
                        result.lm() == null
                                ? ""
                                : ", scored by the language model " + result.lm()));
        out.append(
                "| model | kind | β | γ | reconstruction | KL | IW NLL | MI | AU | TC |"
                        + " TC (Gaussian) | TC (discriminator) | well-formed prior samples |"
                        + " prior-sample LM NLL |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ModelComparison.Row row : result.rows()) {
            out.append(tableRow(row)).append('\n');
        }
        out.append(
                "\nReconstruction (−log p(x|z), one z ~ q(z|x)), KL, IW NLL, MI and TC in nats per"
                        + " sentence; LM NLL in nats per sentence (per token, <eos> counted, in"
                        + " brackets). AU: active units (Burda et al. 2016). TC: total correlation"
                        + " of q(z) by the estimator of Chen et al. (2018); for the autoencoder, of"
                        + " its codes smoothed by a Gaussian kernel (it has no posterior width)."
                        + " TC (Gaussian): −½ log det of the correlation matrix of the same z, the"
                        + " TC of a Gaussian with their correlations (linear dependence only)."
                        + " TC (discriminator): FactorVAE's own estimate.\n");
        for (ModelComparison.Row row : result.rows()) {
            if (row.plot() != null) {
                out.append(gridSection(row, result.gridSize(), imageBase));
            }
        }
        return out.toString();
    }

    private static String tableRow(ModelComparison.Row row) {
        EvaluationReport r = row.report();
        ModelComparison.Settings settings = row.settings();
        boolean vae = settings.kind().equals("VAE");
        String tc =
                Double.isNaN(r.tc())
                        ? NONE
                        : fixed(r.tc(), 2)
                                + ("kernel".equals(r.totalCorrelation().method())
                                        ? " (kernel)"
                                        : "");
        String lm =
                Double.isNaN(r.samplesLmNll())
                        ? NONE
                        : fixed(r.samplesLmNll(), 2)
                                + " ("
                                + fixed(r.samplesLmNllPerToken(), 3)
                                + ")";
        return String.join(
                " | ",
                "| " + row.name(),
                settings.kind(),
                vae ? fixed(settings.beta(), 2) : NONE,
                vae && settings.gamma() > 0 ? fixed(settings.gamma(), 2) : NONE,
                fixed(r.reconstruction(), 2),
                fixed(r.kl(), 2),
                fixed(r.iwNll(), 2),
                fixed(r.mutualInformation(), 2),
                r.latentSize() == 0 ? NONE : r.activeUnits() + "/" + r.latentSize(),
                tc,
                fixed(r.gaussianTc(), 3),
                fixed(r.discriminatorTc(), 2),
                Double.isNaN(r.validFormRate()) ? NONE : fixed(100 * r.validFormRate(), 1) + "%",
                lm + " |");
    }

    private static String gridSection(ModelComparison.Row row, int size, Path imageBase) {
        Path plot = row.plot();
        String link =
                imageBase == null
                        ? plot.toString()
                        : imageBase.toAbsolutePath().relativize(plot.toAbsolutePath()).toString();
        StringBuilder out = new StringBuilder();
        out.append("\n### ").append(row.name()).append("\n\n");
        out.append("![")
                .append(row.name())
                .append("](")
                .append(link.replace('\\', '/'))
                .append(")\n\n");
        out.append(
                "The grid's points decoded, numbered as in the picture (top row: largest PC2;"
                        + " left column: smallest PC1); ✗ marks a malformed line.\n\n");
        out.append("|").append(" |".repeat(size)).append('\n');
        out.append("|").append("---|".repeat(size)).append('\n');
        List<String> lines = row.grid();
        for (int r = 0; r < size; r++) {
            StringBuilder cells = new StringBuilder("|");
            for (int c = 0; c < size; c++) {
                int k = r * size + c;
                cells.append(' ')
                        .append(k + 1)
                        .append(". ")
                        .append(cell(lines.get(k), row.gridWellFormed().get(k)))
                        .append(" |");
            }
            out.append(cells).append('\n');
        }
        return out.toString();
    }

    private static String cell(String line, boolean wellFormed) {
        // Markdown would take "<unk>" for an HTML tag and "|" for a cell border.
        String shown = line.isEmpty() ? "(empty)" : line.replace("<", "&lt;").replace("|", "\\|");
        return wellFormed ? shown : "✗ " + shown;
    }

    private static String fixed(double value, int decimals) {
        return Numbers.fixed(value, decimals, NONE);
    }
}
