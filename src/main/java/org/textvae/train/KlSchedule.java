package org.textvae.train;

import java.util.Locale;

/**
 * The weight β(step) on the KL term. Annealing it up from zero lets the decoder learn to use z
 * before the KL pressure arrives, the cure for posterior collapse in Bowman et al. (2016).
 */
public sealed interface KlSchedule {

    /** β at a global optimiser step (0-based), before scaling by the run's final β. */
    double weight(long step);

    /** The forms {@link #parse} accepts, for messages. */
    String FORMS = "linear:STEPS, logistic:MIDPOINT:RATE, cyclical:PERIOD:RAMP or constant";

    /**
     * Parses {@code linear:STEPS}, {@code logistic:MIDPOINT:RATE}, {@code cyclical:PERIOD:RAMP},
     * {@code constant}. Every field must be given: a default filled in silently (say the rate of
     * {@code logistic:1}) would train with a schedule the user never chose.
     */
    static KlSchedule parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
        int fields =
                switch (parts[0]) {
                    case "linear" -> 2;
                    case "logistic", "cyclical" -> 3;
                    case "constant" -> 1;
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown KL schedule '" + spec + "': use " + FORMS);
                };
        if (parts.length != fields) {
            throw new IllegalArgumentException(
                    "KL schedule '"
                            + spec
                            + "' has "
                            + (parts.length > fields ? "too many" : "too few")
                            + " fields: use "
                            + FORMS);
        }
        try {
            return switch (parts[0]) {
                case "linear" -> new Linear(Long.parseLong(parts[1]));
                case "logistic" ->
                        new Logistic(Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
                case "cyclical" ->
                        new Cyclical(Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
                default -> new Constant();
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bad number in KL schedule '" + spec + "': use " + FORMS);
        }
    }

    /** The schedule written back in the form {@link #parse} reads. */
    String spec();

    /** β rises linearly from 0 to 1 over {@code steps}, then stays at 1. */
    record Linear(long steps) implements KlSchedule {
        public Linear {
            if (steps <= 0) {
                throw new IllegalArgumentException("linear KL warm-up needs steps > 0");
            }
        }

        @Override
        public double weight(long step) {
            return Math.min(1.0, (double) step / steps);
        }

        @Override
        public String spec() {
            return "linear:" + steps;
        }
    }

    /** Bowman et al.'s sigmoid: β = 1 / (1 + exp(−rate · (step − midpoint))). */
    record Logistic(long midpoint, double rate) implements KlSchedule {
        public Logistic {
            if (midpoint < 0 || rate <= 0) {
                throw new IllegalArgumentException("logistic KL needs midpoint >= 0 and rate > 0");
            }
        }

        @Override
        public double weight(long step) {
            return 1.0 / (1.0 + Math.exp(-rate * (step - midpoint)));
        }

        @Override
        public String spec() {
            return "logistic:" + midpoint + ":" + rate;
        }
    }

    /**
     * Fu et al. (2019): the warm-up repeats every {@code period} steps; within a period β rises
     * linearly over the first {@code ramp} fraction and then holds at 1.
     */
    record Cyclical(long period, double ramp) implements KlSchedule {
        public Cyclical {
            if (period <= 0 || ramp <= 0 || ramp > 1) {
                throw new IllegalArgumentException(
                        "cyclical KL needs period > 0 and 0 < ramp <= 1");
            }
        }

        @Override
        public double weight(long step) {
            double phase = (double) (step % period) / period;
            return Math.min(1.0, phase / ramp);
        }

        @Override
        public String spec() {
            return "cyclical:" + period + ":" + ramp;
        }
    }

    /** No annealing: β = 1 from the first step. */
    record Constant() implements KlSchedule {
        @Override
        public double weight(long step) {
            return 1.0;
        }

        @Override
        public String spec() {
            return "constant";
        }
    }
}
