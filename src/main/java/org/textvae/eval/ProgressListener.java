package org.textvae.eval;

/**
 * Told how far the slow part of an evaluation (the importance-weighted NLL, minutes to hours at k =
 * 500) has got, so that a command line can draw a progress bar.
 */
@FunctionalInterface
public interface ProgressListener extends AutoCloseable {

    /** Listens to nothing. */
    ProgressListener NONE = (done, total) -> {};

    /** {@code done} of {@code total} sentences scored so far; called after each batch. */
    void sentencesScored(int done, int total);

    /** Ends the display, if there is one. */
    @Override
    default void close() {}
}
