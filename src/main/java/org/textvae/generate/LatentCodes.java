package org.textvae.generate;

/** Latent codes as the library takes them: checked and laid out flat. */
public final class LatentCodes {

    private LatentCodes() {}

    /** Refuses a code of the wrong size or with a non-finite value. */
    public static void require(float[] z, int size) {
        if (z == null || z.length != size) {
            throw new IllegalArgumentException(
                    "a latent code needs "
                            + size
                            + " values, got "
                            + (z == null ? "none" : z.length));
        }
        for (int d = 0; d < z.length; d++) {
            if (!Float.isFinite(z[d])) {
                throw new IllegalArgumentException(
                        "a latent code must hold finite numbers; value " + d + " is " + z[d]);
            }
        }
    }

    /** The rows one after another, for a (rows, size) array. */
    static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }
}
