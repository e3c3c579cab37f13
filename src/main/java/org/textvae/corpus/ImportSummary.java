package org.textvae.corpus;

import java.nio.file.Path;

/**
 * What one poetry import produced, for the CLI report and the corpus README.
 *
 * @param collection the collection imported
 * @param file the CSV file written
 * @param train lines in the training split
 * @param valid lines in the validation split
 * @param test lines in the test split
 * @param distinctCharacters distinct code points over all lines
 * @param duplicates lines dropped because they occurred before
 * @param rejected pieces dropped for non-Han characters or an unaccepted length
 * @param sha256 hex SHA-256 of the written file
 */
public record ImportSummary(
        PoetryCollection collection,
        Path file,
        int train,
        int valid,
        int test,
        int distinctCharacters,
        int duplicates,
        int rejected,
        String sha256) {

    /** Returns the number of lines written. */
    public int lines() {
        return train + valid + test;
    }
}
