package org.textvae.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs in a vocabulary's counts that the text was cut at spaces it does not have: tokens longer
 * than any word, and text made mostly of tokens seen once. Both are warnings, not refusals: the
 * file still works, a corpus of names or codes can look like this on purpose, and a refusal would
 * leave such a user no way through. Over-long tokens are never counted, so a long line without
 * spaces cannot become a token whatever the user decides.
 */
final class CountCheck {

    private long overlong;
    private int longest;

    /** Notes a token left out for being longer than {@link Segmentation#MAX_TOKEN_LENGTH}. */
    void leftOut(int length) {
        overlong++;
        longest = Math.max(longest, length);
    }

    long overlong() {
        return overlong;
    }

    /** One line per problem, each naming the remedy. */
    List<String> warnings(Map<String, Long> counts, Segmentation segmentation) {
        List<String> warnings = new ArrayList<>();
        if (overlong > 0) {
            warnings.add(
                    ("warning: left %,d %s longer than %d characters out of the vocabulary (the"
                                    + " longest has %,d); %s")
                            .formatted(
                                    overlong,
                                    overlong == 1 ? "token" : "tokens",
                                    Segmentation.MAX_TOKEN_LENGTH,
                                    longest,
                                    remedy()));
        }
        long tokens = 0;
        long once = 0;
        for (long count : counts.values()) {
            tokens += count;
            once += count == 1 ? 1 : 0;
        }
        // Running tokens, not types: about half the word types of any natural text occur once
        // (Zipf), but they are a small share of its running words; text cut into one token per
        // line is nearly all one-offs by either measure.
        if (segmentation != Segmentation.CHARACTER && once * 2 > tokens) {
            warnings.add(
                    ("warning: %d%% of the train split's tokens occur only once (%,d of %,d token"
                                    + " types), so the model would meet most of them once; %s")
                            .formatted(
                                    Math.round(100.0 * once / tokens),
                                    once,
                                    counts.size(),
                                    remedy()));
        }
        return warnings;
    }

    static String remedy() {
        return "if the text does not separate words with spaces, use --segmentation character";
    }
}
