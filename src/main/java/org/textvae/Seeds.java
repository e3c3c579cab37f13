package org.textvae;

import java.util.SplittableRandom;

/**
 * textvae's seed policy, and how one seed reaches generators that take less than a long.
 *
 * <p>Every random draw comes from a seed a user can give. Where none is given, the default says
 * what the command is for: {@link #FITTING} for what makes a model (train, prior), {@link
 * #MEASURING} for what measures one (eval, quality, verse, plot: every model is measured on the
 * same test lines and draws, so their figures compare), {@link #SAMPLING} for {@code generate},
 * whose default output is the same lines each time. {@code poem} alone draws a new seed each run
 * (its {@code --json} output names it), since a user asking for a poem wants a new one.
 */
public final class Seeds {

    /** Default seed of training and of fitting a prior. */
    public static final long FITTING = 42;

    /** Default seed of every measurement: held-out subsamples, samples scored, pairs, plots. */
    public static final long MEASURING = 2026;

    /** Default seed of {@code generate}. */
    public static final long SAMPLING = 1;

    private Seeds() {}

    /**
     * A long seed as an int for PyTorch's generator: the high half folded into the low, so that
     * seeds differing only above bit 31 still differ, and a seed that fits an int stays itself
     * (runs seeded before keep their numbers).
     */
    public static int fold(long seed) {
        return seed == (int) seed ? (int) seed : (int) (seed ^ (seed >>> 32));
    }

    /** The golden-ratio multiplier that spreads consecutive seeds over all 64 bits. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    /** SplitMix64's second multiplier, for a second independent spread. */
    private static final long SPREAD_2 = 0xBF58476D1CE4E5B9L;

    /**
     * The seed of training step {@code step}: its word dropout, ε and dropout masks. Any step can
     * be replayed from (seed, step) alone, which is what makes resume exact.
     */
    public static long ofStep(long seed, long step) {
        return seed * SPREAD ^ (step + 1) * SPREAD_2;
    }

    /** The seed of epoch {@code epoch}'s batch order. */
    public static long ofEpoch(long seed, int epoch) {
        return seed * SPREAD + epoch;
    }

    /** The seed of item {@code index}'s own draws, so they do not depend on how items batch. */
    public static long ofItem(long seed, int index) {
        return new SplittableRandom(seed ^ SPREAD * (index + 1L)).nextLong();
    }
}
