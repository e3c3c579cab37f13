package org.textvae.train;

/**
 * What a run does when an epoch ends without a better validation −ELBO: go back to the best
 * weights, multiply the learning rate by {@code factor}, and stop after {@code stopAfter} such
 * decays (the recipe of Texar's text VAE, which stops PTB models before they overfit).
 *
 * @param factor the learning rate's multiplier per decay, in (0, 1]; 1 turns the decay off
 * @param stopAfter end the run at this many decays (0: run every epoch)
 */
public record PlateauDecay(float factor, int stopAfter) {

    /** A constant learning rate, every epoch run. */
    public static final PlateauDecay OFF = new PlateauDecay(1f, 0);

    public PlateauDecay {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException(
                    "learning-rate decay must be in (0, 1] (1: off), got " + factor);
        }
        if (stopAfter < 0) {
            throw new IllegalArgumentException(
                    "decays before stopping must be 0 (never stop) or positive, got " + stopAfter);
        }
    }

    /** Whether a plateau changes anything. */
    public boolean active() {
        return factor < 1 || stopAfter > 0;
    }

    /** The learning rate after {@code decays} decays of {@code base}. */
    public float rate(float base, int decays) {
        return (float) (base * Math.pow(factor, decays));
    }

    /** Whether a run with {@code decays} decays behind it should stop. */
    public boolean exhausted(int decays) {
        return stopAfter > 0 && decays >= stopAfter;
    }
}
