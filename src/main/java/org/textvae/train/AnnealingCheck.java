package org.textvae.train;

import java.util.Locale;

/**
 * The warning for a run that ends before its KL weight has arrived: the default schedule (logistic,
 * midpoint 2,500) on a run of a few hundred steps keeps β near 0 throughout, and trains an
 * autoencoder under the name of a VAE.
 */
final class AnnealingCheck {

    /** Below this share of its final value at the last step, β has not arrived. */
    static final double ARRIVED = 0.9;

    private AnnealingCheck() {}

    /**
     * The warning for a run of {@code totalSteps} steps on {@code schedule}, or null when β reaches
     * {@link #ARRIVED} of its final value by the last of them.
     */
    static String warning(KlSchedule schedule, long totalSteps) {
        if (totalSteps <= 0) {
            return null;
        }
        double reached = highest(schedule, totalSteps - 1);
        if (reached >= ARRIVED) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "warning: with --kl-schedule %s the KL weight reaches only %.0f%% of its final value"
                        + " by the last of the run's %,d steps, so it trains almost an autoencoder;"
                        + " a schedule that ends sooner, such as --kl-schedule linear:%d, trains a"
                        + " VAE",
                schedule.spec(),
                100 * reached,
                totalSteps,
                Math.max(1, totalSteps / 2));
    }

    /** The highest weight of steps 0 to {@code last}: a cyclical schedule peaks every period. */
    private static double highest(KlSchedule schedule, long last) {
        if (schedule instanceof KlSchedule.Cyclical cyclical
                && last >= Math.ceil(cyclical.ramp() * cyclical.period())) {
            return 1;
        }
        return schedule.weight(last);
    }
}
