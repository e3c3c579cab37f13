package org.textvae.ci;

/**
 * One line of a tune's form.
 *
 * @param length characters
 * @param rhymes whether the line ends on the stanza's rhyme (the corpus closes it with 。, ？ or !
 *     rather than ， or 、)
 */
public record TuneLine(int length, boolean rhymes) {

    /** Checks the length. */
    public TuneLine {
        if (length < 1) {
            throw new IllegalArgumentException("a line has at least one character, got " + length);
        }
    }
}
