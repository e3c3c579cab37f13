package org.textvae.generate;

/**
 * How latent codes become text.
 *
 * @param maxLength longest line, in tokens
 * @param temperature 0 for greedy decoding; otherwise sample from softmax(logits / temperature),
 *     between {@link #MIN_TEMPERATURE} and {@link #MAX_TEMPERATURE}
 * @param topK with sampling, draw only from the k most likely tokens (0: all)
 * @param beamWidth 1 for no beam search; otherwise the beams kept per line (greedy scores)
 * @param seed fixes the draws when sampling
 */
public record DecodingOptions(
        int maxLength, double temperature, int topK, int beamWidth, long seed) {

    /**
     * The sampling temperatures that decode: logits are divided in float32, so 1e-38 or 1e39 (let
     * alone infinity) turn them into infinities or zeros and every line came out empty. Below
     * 0.0001 sampling is greedy in all but name; above 10,000 every token is equally likely.
     */
    public static final double MIN_TEMPERATURE = 1e-4;

    public static final double MAX_TEMPERATURE = 1e4;

    public DecodingOptions {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maximum length must be positive, got " + maxLength);
        }
        if (temperature != 0
                && !(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException(
                    "temperature must be 0 (greedy) or between 0.0001 and 10000, got "
                            + temperature);
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
