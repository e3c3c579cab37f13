package org.textvae.eval;

import java.util.List;

/**
 * Principal component analysis of a few thousand low-dimensional rows, in Java: the covariance (L ×
 * L) is formed in doubles and its leading eigenvectors found by power iteration with deflation. L
 * is the latent size (tens), so this costs nothing next to the encoder pass.
 *
 * @param components the unit principal axes, one row per component
 * @param variances the variance along each axis (its eigenvalue)
 * @param totalVariance the trace of the covariance, to report the explained share
 * @param mean the column means subtracted before projecting
 */
public record Pca(double[][] components, double[] variances, double totalVariance, double[] mean) {

    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-12;

    /** Fits {@code count} components to the rows. */
    public static Pca fit(List<float[]> rows, int count) {
        int width = rows.get(0).length;
        double[] mean = new double[width];
        for (float[] row : rows) {
            for (int d = 0; d < width; d++) {
                mean[d] += row[d] / (double) rows.size();
            }
        }
        double[][] covariance = new double[width][width];
        for (float[] row : rows) {
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < width; j++) {
                    covariance[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / rows.size();
                }
            }
        }
        double trace = 0;
        for (int d = 0; d < width; d++) {
            trace += covariance[d][d];
        }
        int kept = Math.min(count, width);
        double[][] components = new double[kept][];
        double[] variances = new double[kept];
        for (int c = 0; c < kept; c++) {
            components[c] = leadingEigenvector(covariance, c);
            variances[c] = rayleigh(covariance, components[c]);
            deflate(covariance, components[c], variances[c]);
        }
        return new Pca(components, variances, trace, mean);
    }

    /** The coordinates of one row along the components. */
    public double[] project(float[] row) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            for (int d = 0; d < row.length; d++) {
                out[c] += (row[d] - mean[d]) * components[c][d];
            }
        }
        return out;
    }

    /** Share of the total variance along component {@code c} (0 when there is none). */
    public double explained(int c) {
        return totalVariance > 0 ? variances[c] / totalVariance : 0;
    }

    private static double[] leadingEigenvector(double[][] matrix, int salt) {
        int n = matrix.length;
        // A fixed, non-symmetric start, so the result repeats and is unlikely to be orthogonal
        // to the leading axis.
        double[] vector = new double[n];
        for (int i = 0; i < n; i++) {
            vector[i] = 1 + 0.1 * ((i * 7 + salt * 3) % 11);
        }
        normalise(vector);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = multiply(matrix, vector);
            if (normalise(next) == 0) {
                return vector;
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                change += Math.abs(next[i] - vector[i]);
            }
            vector = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return vector;
    }

    private static double rayleigh(double[][] matrix, double[] vector) {
        double[] product = multiply(matrix, vector);
        double value = 0;
        for (int i = 0; i < vector.length; i++) {
            value += vector[i] * product[i];
        }
        return value;
    }

    private static void deflate(double[][] matrix, double[] vector, double value) {
        for (int i = 0; i < vector.length; i++) {
            for (int j = 0; j < vector.length; j++) {
                matrix[i][j] -= value * vector[i] * vector[j];
            }
        }
    }

    private static double[] multiply(double[][] matrix, double[] vector) {
        double[] out = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            for (int j = 0; j < vector.length; j++) {
                out[i] += matrix[i][j] * vector[j];
            }
        }
        return out;
    }

    private static double normalise(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < vector.length && norm > 0; i++) {
            vector[i] /= norm;
        }
        return norm;
    }
}
