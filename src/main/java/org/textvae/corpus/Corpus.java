package org.textvae.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A sentence corpus split three ways. The lists are immutable; {@code skipped} counts the input
 * lines that could not be used (blank, invalid UTF-8, broken CSV rows), so nothing is dropped
 * silently.
 *
 * @param name a short name for messages and manifests, usually the file name
 * @param train the training sentences
 * @param valid the validation sentences (may be empty)
 * @param test the test sentences (may be empty)
 * @param skipped how many input lines were skipped as unusable
 */
public record Corpus(
        String name, List<String> train, List<String> valid, List<String> test, int skipped) {

    /** Copies the lists so that callers cannot change the corpus afterwards. */
    public Corpus {
        Objects.requireNonNull(name, "name");
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must be >= 0: " + skipped);
        }
    }

    /** Returns the sentences of one split. */
    public List<String> split(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALID -> valid;
            case TEST -> test;
        };
    }

    /** Returns the number of usable sentences over all splits. */
    public int size() {
        return train.size() + valid.size() + test.size();
    }
}
