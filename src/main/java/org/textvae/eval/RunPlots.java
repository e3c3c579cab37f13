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
     * What {@link #writeMetricsPlots} did.
     *
     * @param written the files written
     * @param notes one line for each chart not drawn, and for rows left out, saying why
     */
    public record MetricsPlots(List<Path> written, List<String> notes) {}

    /**
     * Draws the training and validation charts from {@code run/metrics.csv}: rows holding NaN or an
     * infinity (a diverged run) are left out and counted in a note. Both charts are drawn before
     * either is written, so a chart that cannot be drawn leaves the other one unwritten too.
     */
    public static MetricsPlots writeMetricsPlots(Path run) {
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
        DrawableRows train =
                new DrawableRows(
                        table.column("train", "step"),
                        table.column("train", "reconstruction"),
                        table.column("train", "kl"),
                        table.column("train", "beta"));
        DrawableRows valid =
                new DrawableRows(
                        table.column("valid", "step"),
                        table.column("valid", "loss"),
                        table.column("valid", "perplexity"));
        Map<Path, XYChart> charts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (!train.isEmpty()) {
            charts.put(run.resolve(TRAINING), trainingChart(train));
        } else {
            notes.add(
                    notDrawn(
                            TRAINING, train, "train rows yet (one comes every --log-every steps)"));
        }
        if (!valid.isEmpty()) {
            charts.put(run.resolve(VALIDATION), validationChart(valid));
        } else {
            notes.add(
                    notDrawn(
                            VALIDATION,
                            valid,
                            "validation rows yet (one comes at each epoch's end)"));
        }
        int dropped = train.dropped() + valid.dropped();
        if (dropped > 0) {
            double from = Math.min(first(train), first(valid));
            notes.add(
                    String.format(
                            Locale.ROOT,
                            "%d row%s of metrics.csv hold Infinity/NaN or nothing (from step %.0f):"
                                    + " not drawn",
                            dropped,
                            dropped == 1 ? "" : "s",
                            from));
        }
        Map<Path, byte[]> pictures = new LinkedHashMap<>();
        charts.forEach((target, chart) -> pictures.put(target, png(chart, target)));
        pictures.forEach(RunPlots::write);
        return new MetricsPlots(List.copyOf(pictures.keySet()), notes);
    }

    private static String notDrawn(String file, DrawableRows rows, String noRows) {
        return "no "
                + file
                + (rows.dropped() == 0
                        ? ": metrics.csv has no " + noRows
                        : ": every row for it holds Infinity/NaN");
    }

    private static double first(DrawableRows rows) {
        return rows.dropped() == 0 ? Double.POSITIVE_INFINITY : rows.firstDroppedX();
    }

    private static XYChart trainingChart(DrawableRows train) {
        XYChart chart =
                lines(
                        "Training: ELBO terms per sentence and KL weight",
                        "step",
                        "nats per sentence");
        double[] steps = train.x();
        line(chart, "reconstruction (-log p(x|z))", steps, train.column(0));
        line(chart, "KL(q(z|x) || p(z))", steps, train.column(1));
        line(chart, "beta (KL weight)", steps, train.column(2)).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "beta");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return chart;
    }

    private static XYChart validationChart(DrawableRows valid) {
        XYChart chart =
                lines(
                        "Validation: -ELBO per sentence and perplexity",
                        "step (one validation per epoch)",
                        "nats per sentence");
        double[] steps = valid.x();
        line(chart, "-ELBO (upper bound on NLL)", steps, valid.column(0));
        line(chart, "perplexity (per token, <eos> counted)", steps, valid.column(1))
                .setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "perplexity");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setMarkerSize(6);
        return chart;
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
        write(target, png(chart, target));
        return target;
    }

    private static byte[] png(XYChart chart, Path target) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException | RuntimeException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "cannot draw " + target.getFileName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static void write(Path target, byte[] png) {
        try {
            AtomicFiles.write(target, out -> out.write(png));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
