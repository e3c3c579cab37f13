package org.textvae.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.textvae.TextvaeException;

/** Collects sentences and skip counts while a reader walks a file, then checks the result. */
final class CorpusAccumulator {

    private final List<String> train = new ArrayList<>();
    private final List<String> valid = new ArrayList<>();
    private final List<String> test = new ArrayList<>();
    private int skipped;

    void add(Split split, String text) {
        switch (split) {
            case TRAIN -> train.add(text);
            case VALID -> valid.add(text);
            case TEST -> test.add(text);
        }
    }

    void skip() {
        skipped++;
    }

    /**
     * Builds the corpus, refusing one without a single usable line: nothing could learn from it.
     */
    Corpus build(Path path) {
        if (train.isEmpty() && valid.isEmpty() && test.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    path
                            + ": no usable lines ("
                            + skipped
                            + " skipped); give a UTF-8 file with one sentence per line");
        }
        return new Corpus(String.valueOf(path.getFileName()), train, valid, test, skipped);
    }
}
