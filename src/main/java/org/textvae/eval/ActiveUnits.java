package org.textvae.eval;

import java.util.List;

/**
 * Active units (Burda et al. 2016): the latent dimensions whose posterior mean varies across the
 * data, Cov_x(E_q[z_d]) above a threshold. A collapsed VAE has none.
 */
public final class ActiveUnits {

    private ActiveUnits() {}

    /** Counts dimensions of {@code means} (one row per sentence) with variance above threshold. */
    public static int count(List<float[]> means, double threshold) {
        if (means.isEmpty()) {
            return 0;
        }
        int active = 0;
        for (double variance : variances(means)) {
            if (variance > threshold) {
                active++;
            }
        }
        return active;
    }

    /** Per-dimension population variance of the rows. */
    public static double[] variances(List<float[]> rows) {
        int width = rows.get(0).length;
        double[] mean = new double[width];
        double[] squares = new double[width];
        for (float[] row : rows) {
            for (int d = 0; d < width; d++) {
                mean[d] += row[d];
                squares[d] += (double) row[d] * row[d];
            }
        }
        double[] variance = new double[width];
        for (int d = 0; d < width; d++) {
            double m = mean[d] / rows.size();
            variance[d] = Math.max(0, squares[d] / rows.size() - m * m);
        }
        return variance;
    }
}
