package org.textvae.cli;

import java.util.Locale;
import org.textvae.TextvaeException;
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

    /** Refuses a negative count (zero meaning "off"), naming the option. */
    static void requireNonNegative(String option, long value) {
        if (value < 0) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, option + " must be 0 (off) or more, got " + value);
        }
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
