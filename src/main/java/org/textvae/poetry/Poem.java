package org.textvae.poetry;

import java.util.List;
import java.util.Objects;

/**
 * One poem: its identifier in the source, title, author and lines in order. Lines hold characters
 * only, no punctuation.
 *
 * @param id the source's identifier (for the Tang poems, the package's UUID)
 * @param title the title, possibly empty
 * @param author the author, possibly empty
 * @param lines the lines, none empty
 */
public record Poem(String id, String title, String author, List<String> lines) {

    /** The separator between lines in the poem corpus and in {@link #text()}. */
    public static final String LINE_SEPARATOR = "/";

    /** Checks that there is at least one line and that no line is empty or holds a separator. */
    public Poem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a poem needs at least one line");
        }
        for (String line : lines) {
            if (line.isEmpty() || line.contains(LINE_SEPARATOR)) {
                throw new IllegalArgumentException("empty line or '/' in a line: " + lines);
            }
        }
    }

    /** Makes an untitled poem of the given lines, for tests and scoring of generated text. */
    public static Poem of(String... lines) {
        return new Poem("", "", "", List.of(lines));
    }

    /** Returns the lines joined by {@link #LINE_SEPARATOR}: the poem's text. */
    public String text() {
        return String.join(LINE_SEPARATOR, lines);
    }

    /** Returns the length of every line in characters (code points), or -1 if they differ. */
    public int lineLength() {
        int length = lines.get(0).codePointCount(0, lines.get(0).length());
        for (String line : lines) {
            if (line.codePointCount(0, line.length()) != length) {
                return -1;
            }
        }
        return length;
    }
}
