package org.textvae.generate;

import java.util.List;

/**
 * A sentence's posterior q(z|x).
 *
 * @param mean μ, the point interpolation and reconstruction use
 * @param sigma σ per dimension
 * @param unknownTokens input tokens outside the vocabulary (read as {@code <unk>})
 */
public record Encoding(float[] mean, float[] sigma, List<String> unknownTokens) {}
