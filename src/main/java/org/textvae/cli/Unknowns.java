package org.textvae.cli;

import java.util.List;
import org.textvae.generate.SentenceVae;

/** Tells the user which input tokens the model does not know (they are read as {@code <unk>}). */
final class Unknowns {

    private Unknowns() {}

    static void report(SentenceVae vae, String... sentences) {
        for (String sentence : sentences) {
            List<String> unknown = vae.vocabulary().unknownTokens(sentence);
            if (!unknown.isEmpty()) {
                System.err.println(
                        "textvae: not in the vocabulary, read as <unk>: "
                                + String.join(" ", unknown)
                                + " (in '"
                                + sentence
                                + "')");
            }
        }
    }
}
