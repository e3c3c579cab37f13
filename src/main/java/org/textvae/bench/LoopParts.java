package org.textvae.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.textvae.train.NativeHeapTrimmer;
import org.textvae.train.TrainConfig;

/**
 * Parts of the training loop that the benchmark can switch off, to show what each costs against a
 * bare step. Real runs always have all of them.
 */
public enum LoopParts {
    WORD_DROPOUT,
    CLIPPING,
    TRIMS;

    /** Every part on: the loop that training runs. */
    public static Set<LoopParts> all() {
        return EnumSet.allOf(LoopParts.class);
    }

    /**
     * All parts except those named in {@code without}, a comma-separated list such as {@code
     * word-dropout,clipping}; blank means all parts.
     */
    public static Set<LoopParts> allWithout(String without) {
        Set<LoopParts> parts = all();
        if (without == null || without.isBlank()) {
            return parts;
        }
        for (String name : without.split(",")) {
            parts.remove(named(name.strip()));
        }
        return parts;
    }

    /** The name used on the command line: {@code word-dropout}, {@code clipping}, {@code trims}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static LoopParts named(String option) {
        for (LoopParts part : values()) {
            if (part.option().equals(option)) {
                return part;
            }
        }
        throw new IllegalArgumentException(
                "unknown loop part '" + option + "' (known: word-dropout, clipping, trims)");
    }

    /** {@code config} with word dropout and clipping switched off where they are not in parts. */
    static TrainConfig applyTo(TrainConfig config, Set<LoopParts> parts) {
        TrainConfig.Builder builder = config.toBuilder();
        if (!parts.contains(WORD_DROPOUT)) {
            builder.wordDropout(0);
        }
        if (!parts.contains(CLIPPING)) {
            builder.clipNorm(0);
        }
        return builder.build();
    }

    /** The loop's heap trimmer, or one that never trims. */
    static NativeHeapTrimmer trimmer(Set<LoopParts> parts) {
        return parts.contains(TRIMS)
                ? NativeHeapTrimmer.everyFewSeconds()
                : NativeHeapTrimmer.never();
    }
}
