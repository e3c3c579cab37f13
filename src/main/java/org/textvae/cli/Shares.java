package org.textvae.cli;

/** How the commands that print tables of figures write a share. */
final class Shares {

    private Shares() {}

    /** A share as a percentage with one decimal, "n/a" when there was nothing to count. */
    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format("%.1f%%", 100 * share);
    }
}
