package org.textvae.poetry;

import java.util.Objects;

/**
 * What a caller asks of the poems a {@link RegulatedPoemWriter} writes; every choice left null is
 * the model's.
 *
 * @param form the form
 * @param firstPattern the first line's tonal pattern
 * @param rhymeGroup the 平聲 group the rhyming lines end in
 * @param acrostic the characters that begin the lines, one per line (藏頭)
 * @param firstLine the poem's first line, which the model continues: its pattern and, when it ends
 *     in 平, its rhyme group start the poem
 * @param theme a word the poem keeps to ({@link Theme})
 * @param ownTheme each poem keeps to a word of its own first line: the rarest of its characters
 *     that enough kept lines hold
 */
public record PoemRequest(
        VerseForm form,
        LinePattern firstPattern,
        String rhymeGroup,
        String acrostic,
        String firstLine,
        String theme,
        boolean ownTheme) {

    /** Checks what can be checked without the model: counts and lengths. */
    public PoemRequest {
        Objects.requireNonNull(form, "form");
        if (acrostic != null) {
            requireLength(
                    form,
                    "the acrostic",
                    acrostic,
                    form.lines(),
                    " has " + form.lines() + " lines");
        }
        if (firstLine != null) {
            requireLength(
                    form,
                    "the first line",
                    firstLine,
                    form.characters(),
                    "'s lines have " + form.characters());
        }
        if (theme != null && ownTheme) {
            throw new IllegalArgumentException(
                    "give a theme word or let each poem take its own, not both");
        }
        if (theme != null && theme.isBlank()) {
            throw new IllegalArgumentException("the theme is empty; give a word such as 月");
        }
        if (acrostic != null
                && firstLine != null
                && acrostic.codePointAt(0) != firstLine.codePointAt(0)) {
            throw new IllegalArgumentException(
                    "the first line " + firstLine + " does not begin the acrostic " + acrostic);
        }
    }

    // Static: a compact constructor's fields are not yet assigned.
    private static void requireLength(
            VerseForm form, String what, String text, int wanted, String because) {
        int length = text.codePointCount(0, text.length());
        if (length != wanted) {
            throw new IllegalArgumentException(
                    what
                            + " "
                            + text
                            + " has "
                            + length
                            + " characters; a "
                            + form.label()
                            + because);
        }
    }

    /** A poem of {@code form} with every choice the model's. */
    public static PoemRequest of(VerseForm form) {
        return new PoemRequest(form, null, null, null, null, null, false);
    }

    public PoemRequest withFirstPattern(LinePattern pattern) {
        return new PoemRequest(form, pattern, rhymeGroup, acrostic, firstLine, theme, ownTheme);
    }

    public PoemRequest withRhymeGroup(String group) {
        return new PoemRequest(form, firstPattern, group, acrostic, firstLine, theme, ownTheme);
    }

    public PoemRequest withAcrostic(String heads) {
        return new PoemRequest(form, firstPattern, rhymeGroup, heads, firstLine, theme, ownTheme);
    }

    public PoemRequest withFirstLine(String line) {
        return new PoemRequest(form, firstPattern, rhymeGroup, acrostic, line, theme, ownTheme);
    }

    public PoemRequest withTheme(String word) {
        return new PoemRequest(form, firstPattern, rhymeGroup, acrostic, firstLine, word, ownTheme);
    }

    /** Each poem keeps to a word of its own first line ({@link #ownTheme}). */
    public PoemRequest withOwnTheme() {
        return new PoemRequest(form, firstPattern, rhymeGroup, acrostic, firstLine, theme, true);
    }
}
