package org.textvae.eval;

import java.util.Locale;

/** How reports write numbers: fixed decimals, and scientific notation once a value is huge. */
public final class Numbers {

    // A diverged model's perplexity can be e^500; 200 digits help nobody.
    private static final double SCIENTIFIC_FROM = 1e9;

    private Numbers() {}

    /**
     * {@code value} with {@code decimals} decimals, or as {@code 1.763e+240} when its magnitude is
     * at least 10⁹; {@code whenNaN} for NaN.
     */
    public static String fixed(double value, int decimals, String whenNaN) {
        if (Double.isNaN(value)) {
            return whenNaN;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        String format = Math.abs(value) >= SCIENTIFIC_FROM ? "%.3e" : "%." + decimals + "f";
        return String.format(Locale.ROOT, format, value);
    }
}
