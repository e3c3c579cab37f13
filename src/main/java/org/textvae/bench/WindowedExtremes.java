package org.textvae.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The highest and lowest reading of each window of a series: read every step, closed every N. Peaks
 * and floors do not depend on where in a window a single sample happens to fall.
 */
final class WindowedExtremes {

    private final List<Double> peaks = new ArrayList<>();
    private final List<Double> floors = new ArrayList<>();
    private double peak = Double.NEGATIVE_INFINITY;
    private double floor = Double.POSITIVE_INFINITY;

    /** Adds one reading to the open window; NaN (an unreadable value) is skipped. */
    void add(double value) {
        if (!Double.isNaN(value)) {
            peak = Math.max(peak, value);
            floor = Math.min(floor, value);
        }
    }

    /** Closes the open window; a window without readings records NaN. */
    void endWindow() {
        boolean empty = peak == Double.NEGATIVE_INFINITY;
        peaks.add(empty ? Double.NaN : peak);
        floors.add(empty ? Double.NaN : floor);
        peak = Double.NEGATIVE_INFINITY;
        floor = Double.POSITIVE_INFINITY;
    }

    List<Double> peaks() {
        return List.copyOf(peaks);
    }

    List<Double> floors() {
        return List.copyOf(floors);
    }

    /** Percent change from the first value to the last. */
    static double growthPercent(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double first = values.get(0);
        return 100 * (values.get(values.size() - 1) - first) / first;
    }
}
