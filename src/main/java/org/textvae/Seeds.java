package org.textvae;

/** How textvae's one seed reaches generators that take less than a long. */
public final class Seeds {

    private Seeds() {}

    /**
     * A long seed as an int for PyTorch's generator: the high half folded into the low, so that
     * seeds differing only above bit 31 still differ, and a seed that fits an int stays itself
     * (runs seeded before keep their numbers).
     */
    public static int fold(long seed) {
        return seed == (int) seed ? (int) seed : (int) (seed ^ (seed >>> 32));
    }
}
