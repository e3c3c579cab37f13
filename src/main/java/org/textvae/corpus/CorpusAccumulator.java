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
    private int undecodable;
    private long firstUndecodableLine;

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

    /** Skips a line that is not valid UTF-8, remembering where the first one was. */
    void skipUndecodable(long lineNumber) {
        skip();
        if (undecodable++ == 0) {
            firstUndecodableLine = lineNumber;
        }
    }

    /**
     * Builds the corpus, refusing one without a single usable line (nothing could learn from it)
     * and one where more than 1% of the lines are not UTF-8: that is a file in another encoding,
     * and skipping its lines would quietly lose much of the corpus.
     */
    Corpus build(Path path, boolean csv) {
        int kept = train.size() + valid.size() + test.size();
        if (undecodable > 0 && undecodable * 100L > kept + undecodable) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    path
                            + ": "
                            + undecodable
                            + " of "
                            + (kept + undecodable)
                            + " lines are not valid UTF-8 (the first is line "
                            + firstUndecodableLine
                            + "); convert the file, e.g. iconv -f GB18030 -t UTF-8");
        }
        if (train.isEmpty() && valid.isEmpty() && test.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    path
                            + ": no usable lines ("
                            + skipped
                            + " skipped); "
                            + (csv
                                    ? "give rows below the header with a non-empty text field"
                                    : "give a UTF-8 file with one sentence per line"));
        }
        return new Corpus(String.valueOf(path.getFileName()), train, valid, test, skipped);
    }
}
