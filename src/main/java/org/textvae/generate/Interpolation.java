package org.textvae.generate;

import java.util.Objects;

/** Paths between two latent codes. */
public enum Interpolation {
    /** z(t) = (1 − t) z₁ + t z₂, the homotopy of Bowman et al. (2016) §6.3. */
    LINEAR {
        @Override
        float[] point(float[] from, float[] to, double t) {
            float[] z = new float[from.length];
            for (int d = 0; d < z.length; d++) {
                z[d] = (float) ((1 - t) * from[d] + t * to[d]);
            }
            return z;
        }
    },
    /**
     * Spherical interpolation (slerp), which keeps the norm typical of N(0, I) samples in the
     * middle of the path instead of passing near the origin. Codes pointing the same way or
     * opposite ways have no single great circle between them; their path is the linear one.
     */
    SPHERICAL {
        @Override
        float[] point(float[] from, float[] to, double t) {
            double dot = 0;
            double a = 0;
            double b = 0;
            // Products in double: in float, codes of about 1e20 square past float's range.
            for (int d = 0; d < from.length; d++) {
                dot += (double) from[d] * to[d];
                a += (double) from[d] * from[d];
                b += (double) to[d] * to[d];
            }
            double cos = dot / Math.max(1e-12, Math.sqrt(a * b));
            double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
            // Near 0 or π the weights below divide by a vanishing sine: opposite codes got
            // rounding noise of order 1 instead of a path.
            if (Math.sin(omega) < 1e-6) {
                return LINEAR.point(from, to, t);
            }
            double wFrom = Math.sin((1 - t) * omega) / Math.sin(omega);
            double wTo = Math.sin(t * omega) / Math.sin(omega);
            float[] z = new float[from.length];
            for (int d = 0; d < z.length; d++) {
                z[d] = (float) (wFrom * from[d] + wTo * to[d]);
            }
            return z;
        }
    };

    abstract float[] point(float[] from, float[] to, double t);

    /**
     * {@code steps} points from {@code from} to {@code to}, both endpoints included; steps from 2
     * to {@link DecodingLimits#MAX_COUNT}.
     */
    public float[][] points(float[] from, float[] to, int steps) {
        requireSteps(steps);
        Objects.requireNonNull(from, "the first latent code is null");
        Objects.requireNonNull(to, "the second latent code is null");
        if (from.length != to.length) {
            throw new IllegalArgumentException(
                    "latent codes differ in size: " + from.length + " and " + to.length);
        }
        float[][] points = new float[steps][];
        for (int i = 0; i < steps; i++) {
            points[i] = point(from, to, (double) i / (steps - 1));
        }
        return points;
    }

    /** Refuses a path of fewer than 2 or more than {@link DecodingLimits#MAX_COUNT} points. */
    static void requireSteps(int steps) {
        if (steps < 2 || steps > DecodingLimits.MAX_COUNT) {
            throw new IllegalArgumentException(
                    "interpolation needs 2 to "
                            + DecodingLimits.MAX_COUNT
                            + " steps, got "
                            + steps);
        }
    }
}
