package org.textvae.poetry;

import java.util.List;
import java.util.Objects;

/**
 * One row of the {@link ToneTable}.
 *
 * @param codePoint the character
 * @param tone its tone class
 * @param groups its 平聲 rhyme groups, the one it rhymes in most first; empty for a character never
 *     seen rhyming in a level-tone poem
 * @param pingMarks how often the source marks it 平
 * @param zeMarks how often the source marks it 仄
 * @param from for a simplified character added through a traditional one, the traditional
 *     characters it stands for; empty for a character counted directly
 */
public record CharacterEntry(
        int codePoint, Tone tone, List<String> groups, int pingMarks, int zeMarks, String from) {

    /** Checks the counts and copies the groups. */
    public CharacterEntry {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(from, "from");
        groups = List.copyOf(groups);
        if (pingMarks < 0 || zeMarks < 0) {
            throw new IllegalArgumentException("negative mark count");
        }
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("not a code point: " + codePoint);
        }
    }

    /** Returns the character as a string. */
    public String character() {
        return Character.toString(codePoint);
    }
}
