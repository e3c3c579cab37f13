package org.textvae.cli;

import java.util.Locale;
import org.textvae.TextvaeException;
import org.textvae.model.ModelKind;

/** Parsing of option values shared by several commands, with one-line errors. */
final class Options {

    private Options() {}

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
