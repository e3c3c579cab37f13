package org.textvae.cli;

import java.util.Locale;
import org.textvae.TextvaeException;
import org.textvae.corpus.Split;
import org.textvae.model.ModelKind;

/** Parsing of option values shared by several commands, with one-line errors. */
final class Options {

    private Options() {}

    /** Refuses a count below one, naming the option as the user typed it. */
    static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, option + " must be at least 1, got " + value);
        }
    }

    /** Refuses a rate that is not above zero (or not a number), naming the option. */
    static void requireAboveZero(String option, float value) {
        if (!(value > 0) || !Float.isFinite(value)) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, option + " must be above 0, got " + value);
        }
    }

    /** Refuses a negative count (zero meaning "off"), naming the option. */
    static void requireNonNegative(String option, long value) {
        if (value < 0) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, option + " must be 0 (off) or more, got " + value);
        }
    }

    /**
     * Refuses a value above {@code max}, the bound that keeps a typo from running away; {@code
     * advice} (may be empty) follows the figures.
     */
    static void requireAtMost(String option, long value, long max, String advice) {
        if (value > max) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    String.format(
                            Locale.ROOT,
                            "%s must be at most %,d, got %,d%s",
                            option,
                            max,
                            value,
                            advice.isEmpty() ? "" : "; " + advice));
        }
    }

    /** The split named by {@code --split}. */
    static Split split(String value) {
        Split split = Split.fromLabel(value);
        if (split == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--split must be test, valid or train, got " + value);
        }
        return split;
    }

    /** True when a person is watching: bars redrawn with carriage returns are noise in a log. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    static ModelKind modelKind(String value) {
        try {
            return ModelKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "unknown --model '" + value + "': use vae, ae or lm");
        }
    }
}
