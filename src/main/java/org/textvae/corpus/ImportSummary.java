package org.textvae.corpus;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one poetry import produced, for the CLI report and the corpus README.
 *
 * @param collection the collection imported
 * @param file the CSV file written
 * @param train lines in the training split
 * @param valid lines in the validation split
 * @param test lines in the test split
 * @param lengths lines by their length in code points
 * @param distinctCharacters distinct code points over all lines
 * @param duplicates lines dropped because they occurred before
 * @param rejected pieces dropped for non-Han characters or an unaccepted length
 * @param heldElsewhere lines of a held-out set dropped because the collection it is held out from
 *     holds them (0 for the other collections)
 * @param sha256 hex SHA-256 of the written file
 */
public record ImportSummary(
        PoetryCollection collection,
        Path file,
        int train,
        int valid,
        int test,
        SortedMap<Integer, Integer> lengths,
        int distinctCharacters,
        int duplicates,
        int rejected,
        int heldElsewhere,
        String sha256) {

    /** Copies the length counts so that the summary cannot change afterwards. */
    public ImportSummary {
        lengths = Collections.unmodifiableSortedMap(new TreeMap<>(lengths));
    }

    /** Returns the number of lines written. */
    public int lines() {
        return train + valid + test;
    }
}
