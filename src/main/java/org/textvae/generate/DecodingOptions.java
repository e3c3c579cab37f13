package org.textvae.generate;

/**
 * How latent codes become text.
 *
 * @param maxLength longest line, in tokens
 * @param temperature 0 for greedy decoding; otherwise sample from softmax(logits / temperature)
 * @param topK with sampling, draw only from the k most likely tokens (0: all)
 * @param beamWidth 1 for no beam search; otherwise the beams kept per line (greedy scores)
 * @param seed fixes the draws when sampling
 */
public record DecodingOptions(
        int maxLength, double temperature, int topK, int beamWidth, long seed) {

    public DecodingOptions {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maximum length must be positive, got " + maxLength);
        }
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be 0 (greedy) or positive");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or positive, got " + topK);
        }
        if (beamWidth < 1) {
            throw new IllegalArgumentException("beam width must be at least 1, got " + beamWidth);
        }
        if (beamWidth > 1 && temperature > 0) {
            throw new IllegalArgumentException("choose beam search or sampling, not both");
        }
        if (topK > 0 && temperature == 0) {
            throw new IllegalArgumentException(
                    "top-k applies to sampling: give a --temperature too");
        }
    }

    /** Greedy decoding up to {@code maxLength} tokens. */
    public static DecodingOptions greedy(int maxLength) {
        return new DecodingOptions(maxLength, 0, 0, 1, 0);
    }

    boolean sampling() {
        return temperature > 0;
    }
}
