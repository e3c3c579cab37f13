package org.textvae.corpus;

import java.util.Locale;

/**
 * The three parts of a corpus, written in CSV files as {@code train}, {@code valid}, {@code test}.
 */
public enum Split {
    TRAIN,
    VALID,
    TEST;

    /** Returns the lower-case name used in CSV files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a CSV label, ignoring case and surrounding spaces.
     *
     * @return the split, or {@code null} if the label is none of train/valid/test
     */
    public static Split fromLabel(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        for (Split split : values()) {
            if (split.label().equals(key)) {
                return split;
            }
        }
        return null;
    }
}
