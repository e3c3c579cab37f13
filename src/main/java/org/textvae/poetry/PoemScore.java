package org.textvae.poetry;

import java.util.Optional;

/**
 * What {@link RegulatedVerseScorer} found in one poem.
 *
 * @param form the poem's regulated form, or null if it has none
 * @param rhymes whether the rhyme positions share a 平聲 group
 * @param strictTonal whether every line follows one whole-poem pattern (對 and 粘 included)
 * @param lines lines of 5 or 7 characters, the ones whose tones are checked
 * @param linesFitting of those, lines that fit one of the four base patterns
 * @param couplets couplets checked for 對
 * @param coupletsOpposed couplets whose 2nd, 4th (and 6th) characters are opposite in tone
 * @param joins joins between couplets checked for 粘
 * @param joinsGlued joins whose lines agree in tone at the 2nd, 4th (and 6th) characters
 * @param isolatedLevel lines with 孤平
 * @param threeLevelTail lines with 三平尾
 * @param characters characters in the poem
 * @param unknownCharacters characters the tone table lacks (read as either tone)
 */
public record PoemScore(
        VerseForm form,
        boolean rhymes,
        boolean strictTonal,
        int lines,
        int linesFitting,
        int couplets,
        int coupletsOpposed,
        int joins,
        int joinsGlued,
        int isolatedLevel,
        int threeLevelTail,
        int characters,
        int unknownCharacters) {

    /** Checks that no part exceeds its whole. */
    public PoemScore {
        if (linesFitting > lines
                || coupletsOpposed > couplets
                || joinsGlued > joins
                || unknownCharacters > characters
                || isolatedLevel > lines
                || threeLevelTail > lines) {
            throw new IllegalArgumentException("a count exceeds its total");
        }
    }

    /** Returns the form, if the poem has a regulated one. */
    public Optional<VerseForm> verseForm() {
        return Optional.ofNullable(form);
    }
}
