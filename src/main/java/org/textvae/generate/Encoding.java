package org.textvae.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence's posterior q(z|x).
 *
 * @param mean μ, the point interpolation and reconstruction use
 * @param sigma σ per dimension
 * @param unknownTokens input tokens outside the vocabulary (read as {@code <unk>})
 */
public record Encoding(float[] mean, float[] sigma, List<String> unknownTokens) {

    /** Equal when the values are: a record compares arrays by identity otherwise. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Encoding that
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(sigma, that.sigma)
                && unknownTokens.equals(that.unknownTokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), Arrays.hashCode(sigma), unknownTokens);
    }

    @Override
    public String toString() {
        return "Encoding[mean="
                + Arrays.toString(mean)
                + ", sigma="
                + Arrays.toString(sigma)
                + ", unknownTokens="
                + unknownTokens
                + "]";
    }
}
