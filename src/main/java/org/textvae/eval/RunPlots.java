package org.textvae.eval;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;

/**
 * The charts of a run folder, drawn with XChart: the training curves (reconstruction and KL per
 * sentence with β on a second axis, Bowman et al.'s Figure 2), the validation −ELBO and perplexity
 * per validation, and a 2-D PCA of posterior means. Written atomically, as PNG.
 */
public final class RunPlots {

    public static final String TRAINING = "plot-training.png";
    public static final String VALIDATION = "plot-validation.png";
    public static final String LATENT_PCA = "plot-latent-pca.png";

    /** Most posterior means drawn in the PCA plot (more only blacken it). */
    public static final int PCA_POINTS = 2000;

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    // Okabe and Ito's colour-blind-safe set, without its yellow: the default theme gave two length
    // bands nearly the same yellow.
    private static final Color[] LENGTH_COLOURS = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        Color.BLACK
    };

    static {
        // Charts are drawn off screen; without this AWT looks for a display on some systems.
        System.setProperty("java.awt.headless", "true");
    }

    private RunPlots() {}

    /**
     * Draws the training and validation charts from {@code run/metrics.csv}.
     *
     * @return the files written (the validation chart only once a validation has run)
     */
    public static List<Path> writeMetricsPlots(Path run) {
        Path metrics = run.resolve("metrics.csv");
        if (!Files.isRegularFile(metrics)) {
            throw new TextvaeException(
                    TextvaeException.Kind.MODEL,
                    run
                            + " is not a run folder (it has no metrics.csv); give the --out folder"
                            + " of a textvae train run");
        }
        MetricsTable table = MetricsTable.read(metrics);
        if (!table.hasRows("train") && !table.hasRows("valid")) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    metrics + " has no rows yet; plots need at least one logged step");
        }
        List<Path> written = new ArrayList<>();
        double[] steps = table.column("train", "step");
        if (steps.length > 0) {
            XYChart chart =
                    lines(
                            "Training: ELBO terms per sentence and KL weight",
                            "step",
                            "nats per sentence");
            line(
                    chart,
                    "reconstruction (-log p(x|z))",
                    steps,
                    table.column("train", "reconstruction"));
            line(chart, "KL(q(z|x) || p(z))", steps, table.column("train", "kl"));
            line(chart, "beta (KL weight)", steps, table.column("train", "beta")).setYAxisGroup(1);
            chart.setYAxisGroupTitle(1, "beta");
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            written.add(save(chart, run.resolve(TRAINING)));
        }
        double[] validSteps = table.column("valid", "step");
        if (validSteps.length > 0) {
            XYChart chart =
                    lines(
                            "Validation: -ELBO per sentence and perplexity",
                            "step (one validation per epoch)",
                            "nats per sentence");
            line(chart, "-ELBO (upper bound on NLL)", validSteps, table.column("valid", "loss"));
            line(
                            chart,
                            "perplexity (per token, <eos> counted)",
                            validSteps,
                            table.column("valid", "perplexity"))
                    .setYAxisGroup(1);
            chart.setYAxisGroupTitle(1, "perplexity");
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            chart.getStyler().setMarkerSize(6);
            written.add(save(chart, run.resolve(VALIDATION)));
        }
        return written;
    }

    /**
     * Draws the posterior means projected on their first two principal components, one colour per
     * sentence length (few lengths) or length band (many).
     *
     * @param means μ of each sentence (at most {@link #PCA_POINTS} are drawn, the first ones)
     * @param lengths tokens of each sentence, aligned with {@code means}
     */
    public static Path writeLatentPca(
            Path target, List<float[]> means, List<Integer> lengths, String subtitle) {
        if (means.size() < 2) {
            throw new IllegalArgumentException("a PCA plot needs at least two posterior means");
        }
        int n = Math.min(PCA_POINTS, means.size());
        Pca pca = Pca.fit(means.subList(0, n), 2);
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(
                                String.format(
                                        Locale.ROOT,
                                        "Posterior means, PCA (PC1 %.0f%%, PC2 %.0f%% of variance):"
                                                + " %s",
                                        100 * pca.explained(0),
                                        100 * pca.explained(1),
                                        subtitle))
                        .xAxisTitle("PC1")
                        .yAxisTitle("PC2")
                        .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<String, List<double[]>> groups = groupByLength(means.subList(0, n), lengths, pca);
        int colour = 0;
        for (Map.Entry<String, List<double[]>> group : groups.entrySet()) {
            double[] x = group.getValue().stream().mapToDouble(point -> point[0]).toArray();
            double[] y = group.getValue().stream().mapToDouble(point -> point[1]).toArray();
            XYSeries series = chart.addSeries(group.getKey(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(LENGTH_COLOURS[colour++ % LENGTH_COLOURS.length]);
        }
        return save(chart, target);
    }

    private static Map<String, List<double[]>> groupByLength(
            List<float[]> means, List<Integer> lengths, Pca pca) {
        int shortest = lengths.stream().mapToInt(Integer::intValue).min().orElse(0);
        int longest = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        // At most six colours: a legend of thirty lengths tells nothing.
        int band = Math.max(1, (longest - shortest + 6) / 6);
        Map<Integer, List<double[]>> byBand = new TreeMap<>();
        for (int i = 0; i < means.size(); i++) {
            int start = shortest + (lengths.get(i) - shortest) / band * band;
            byBand.computeIfAbsent(start, k -> new ArrayList<>()).add(pca.project(means.get(i)));
        }
        Map<String, List<double[]>> named = new LinkedHashMap<>();
        byBand.forEach(
                (start, points) ->
                        named.put(
                                band == 1
                                        ? "length " + start
                                        : "length " + start + "-" + (start + band - 1),
                                points));
        return named;
    }

    private static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    /** Writes a chart as PNG, atomically. */
    static Path save(XYChart chart, Path target) {
        try {
            AtomicFiles.write(
                    target,
                    out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
            return target;
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
