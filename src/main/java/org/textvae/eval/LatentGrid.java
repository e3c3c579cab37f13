package org.textvae.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A square grid of latent points in the plane of the posterior means' first two principal axes, z =
 * PCA mean + a·pc1 + b·pc2, a and b evenly spaced over the range the data's projections cover.
 * Decoding the grid shows what lies between the sentences: an autoencoder's space has holes
 * (gibberish or repetition away from the data), a VAE's should not (Bowman et al. 2016, §6). Points
 * are numbered row by row from the top left (largest PC2, smallest PC1).
 *
 * @param pca the plane's axes, fitted to the means
 * @param data the means' coordinates in the plane
 * @param points the grid's coordinates in the plane, in number order
 * @param codes the grid's latent codes, in number order
 * @param size points per side
 */
public record LatentGrid(
        Pca pca, List<double[]> data, List<double[]> points, float[][] codes, int size) {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Fits the plane to {@code means} (at most {@link RunPlots#PCA_POINTS}) and lays the grid. */
    public static LatentGrid fit(List<float[]> means, int size) {
        if (means.size() < 2 || size < 2) {
            throw new IllegalArgumentException("a grid needs two means and two points a side");
        }
        List<float[]> fitted = means.subList(0, Math.min(RunPlots.PCA_POINTS, means.size()));
        Pca pca = Pca.fit(fitted, 2);
        List<double[]> data = new ArrayList<>(fitted.size());
        double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (float[] mean : fitted) {
            double[] point = pca.project(mean);
            data.add(point);
            for (int c = 0; c < 2; c++) {
                low[c] = Math.min(low[c], point[c]);
                high[c] = Math.max(high[c], point[c]);
            }
        }
        for (int c = 0; c < 2; c++) {
            // A margin beyond the outermost sentences shows what lies just past the data too.
            double margin = 0.1 * (high[c] - low[c]);
            low[c] -= margin;
            high[c] += margin;
        }
        List<double[]> points = new ArrayList<>(size * size);
        float[][] codes = new float[size * size][];
        for (int row = 0; row < size; row++) {
            double b = high[1] - (high[1] - low[1]) * row / (size - 1);
            for (int column = 0; column < size; column++) {
                double a = low[0] + (high[0] - low[0]) * column / (size - 1);
                points.add(new double[] {a, b});
                codes[row * size + column] = code(pca, a, b);
            }
        }
        return new LatentGrid(pca, data, points, codes, size);
    }

    private static float[] code(Pca pca, double a, double b) {
        double[] mean = pca.mean();
        float[] z = new float[mean.length];
        for (int d = 0; d < z.length; d++) {
            z[d] = (float) (mean[d] + a * pca.components()[0][d] + b * pca.components()[1][d]);
        }
        return z;
    }

    /**
     * Draws the data as a scatter and the grid on top, well-formed decodings in green and the rest
     * in red, each grid point labelled by its number, or by its decoded line when a font on this
     * system can show every line (CJK lines often cannot be drawn: the Markdown lists them).
     */
    public Path plot(
            Path target, String title, List<String> decoded, Predicate<String> wellFormed) {
        XYChart chart =
                new XYChartBuilder()
                        .width(1000)
                        .height(800)
                        .title(title)
                        .xAxisTitle(
                                String.format(Locale.ROOT, "PC1 (%.0f%%)", 100 * pca.explained(0)))
                        .yAxisTitle(
                                String.format(Locale.ROOT, "PC2 (%.0f%%)", 100 * pca.explained(1)))
                        .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(9);
        series(chart, "held-out posterior means", data, new Color(60, 90, 200, 110), false);
        List<double[]> good = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            (wellFormed.test(decoded.get(k)) ? good : bad).add(points.get(k));
        }
        series(chart, "grid point, well-formed decoding", good, new Color(0, 140, 60), true);
        series(chart, "grid point, malformed decoding", bad, new Color(210, 30, 30), true);
        label(chart, decoded);
        return RunPlots.save(chart, target);
    }

    private void label(XYChart chart, List<String> decoded) {
        Font font = fontFor(decoded);
        chart.getStyler()
                .setAnnotationTextFont(font != null ? font : new Font("SansSerif", Font.BOLD, 13));
        chart.getStyler().setAnnotationTextFontColor(Color.BLACK);
        double offset = 0.035 * Math.max(1e-9, points.get(0)[1] - points.get(points.size() - 1)[1]);
        for (int k = 0; k < points.size(); k++) {
            String text = font != null ? (k + 1) + " " + decoded.get(k) : Integer.toString(k + 1);
            double[] point = points.get(k);
            chart.addAnnotation(new AnnotationText(text, point[0], point[1] + offset, false));
        }
    }

    /** A font that can draw every line, or null when none can. */
    static Font fontFor(List<String> lines) {
        String all = String.join("", lines);
        List<String> families = new ArrayList<>(List.of("SansSerif"));
        families.addAll(
                List.of(
                        GraphicsEnvironment.getLocalGraphicsEnvironment()
                                .getAvailableFontFamilyNames()));
        for (String family : families) {
            Font font = new Font(family, Font.PLAIN, 12);
            if (font.canDisplayUpTo(all) == -1) {
                return font;
            }
        }
        return null;
    }

    private static void series(
            XYChart chart, String name, List<double[]> points, Color color, boolean grid) {
        if (points.isEmpty()) {
            // XChart rejects an empty series; a missing legend entry says there were none.
            return;
        }
        double[] x = points.stream().mapToDouble(point -> point[0]).toArray();
        double[] y = points.stream().mapToDouble(point -> point[1]).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(grid ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }
}
