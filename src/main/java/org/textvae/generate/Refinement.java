package org.textvae.generate;

/**
 * How far a sentence's code is searched for beyond its posterior mean before it is decoded. The
 * encoder gives q(z|x) in one pass, and its mean does not always decode to the sentence: the
 * encoder only approximates the model's posterior, and the decoder often writes the line from a
 * code nearby. Refinement takes {@code steps} gradient steps (Adam) from the mean towards the mode
 * of the model's own posterior, maximising log p(x|z) + log p(z) with p(z) = N(0, I): the code the
 * model finds most probable for the sentence. Steps move z = μ + σ·u through u, {@code rate}
 * standard deviations of the posterior at most per coordinate. A line stops as soon as its code
 * writes it back greedily (checked before the first step and every few steps), so a line the mean
 * already writes costs one decoding. The model is unchanged; each step costs a teacher-forced pass
 * and its gradient.
 *
 * @param steps gradient steps, 0 (none: the posterior mean) to {@link #MAX_STEPS}
 * @param rate Adam's step size in standard deviations of the posterior, positive
 */
public record Refinement(int steps, float rate) {

    /** The most steps a call may ask for: each costs a forward and a backward pass. */
    public static final int MAX_STEPS = 1000;

    /** The step size of {@link #steps(int)}. */
    public static final float DEFAULT_RATE = 0.1f;

    /** The posterior mean, unrefined. */
    public static final Refinement NONE = new Refinement(0, DEFAULT_RATE);

    public Refinement {
        if (steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException(
                    "refinement steps must be 0 to " + MAX_STEPS + ", got " + steps);
        }
        if (!(rate > 0) || Float.isInfinite(rate)) {
            throw new IllegalArgumentException("refinement rate must be positive, got " + rate);
        }
    }

    /** {@code steps} steps at the default rate. */
    public static Refinement steps(int steps) {
        return new Refinement(steps, DEFAULT_RATE);
    }

    /** Whether it changes anything. */
    public boolean refines() {
        return steps > 0;
    }
}
