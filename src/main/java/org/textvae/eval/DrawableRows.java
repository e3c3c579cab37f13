package org.textvae.eval;

import java.util.Arrays;

/**
 * The rows of a chart that can be drawn: XChart refuses a series holding NaN or an infinity (a
 * diverged run writes them), so a row with any such value among the columns drawn is left out, and
 * counted, instead of failing the whole plot.
 */
final class DrawableRows {

    private final double[] x;
    private final double[][] columns;
    private final boolean[] keep;
    private final int dropped;
    private final double firstDroppedX;

    /** Keeps row i when {@code x[i]} and every {@code columns[c][i]} are finite. */
    DrawableRows(double[] x, double[]... columns) {
        this.x = x;
        this.columns = columns;
        keep = new boolean[x.length];
        int count = 0;
        double first = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            boolean finite = Double.isFinite(x[i]);
            for (double[] column : columns) {
                finite &= Double.isFinite(column[i]);
            }
            keep[i] = finite;
            if (!finite) {
                count++;
                first = Double.isNaN(first) ? x[i] : first;
            }
        }
        dropped = count;
        firstDroppedX = first;
    }

    /** The x values of the rows kept. */
    double[] x() {
        return select(x);
    }

    /** Column {@code c} as given to the constructor, in the rows kept. */
    double[] column(int c) {
        return select(columns[c]);
    }

    boolean isEmpty() {
        return dropped == x.length;
    }

    /** How many rows were left out. */
    int dropped() {
        return dropped;
    }

    /** The x (the step) of the first row left out; NaN when none was. */
    double firstDroppedX() {
        return firstDroppedX;
    }

    private double[] select(double[] values) {
        double[] kept = new double[x.length - dropped];
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            if (keep[i]) {
                kept[at++] = values[i];
            }
        }
        return at == kept.length ? kept : Arrays.copyOf(kept, at);
    }
}
