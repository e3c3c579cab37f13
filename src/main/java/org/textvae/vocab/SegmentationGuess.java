package org.textvae.vocab;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the segmentation of a corpus from a sample of its sentences. CHARACTER when either
 *
 * <ul>
 *   <li>most letters are of a script written without spaces between words (Han, Hiragana, Katakana,
 *       Bopomofo, Hangul, Yi, Thai, Lao, Khmer, Myanmar, Tibetan and a few others) or are emoji; or
 *   <li>most non-blank lines hold no space at all, whatever the script, since cut at spaces each
 *       such line would be one token;
 * </ul>
 *
 * and WORD otherwise. Korean does use spaces, but between phrases whose endings vary, which makes
 * far too many distinct words for a small vocabulary.
 */
final class SegmentationGuess {

    private static final Set<UnicodeScript> SPACELESS =
            EnumSet.of(
                    UnicodeScript.HAN,
                    UnicodeScript.HIRAGANA,
                    UnicodeScript.KATAKANA,
                    UnicodeScript.BOPOMOFO,
                    UnicodeScript.HANGUL,
                    UnicodeScript.YI,
                    UnicodeScript.THAI,
                    UnicodeScript.LAO,
                    UnicodeScript.KHMER,
                    UnicodeScript.MYANMAR,
                    UnicodeScript.TIBETAN,
                    UnicodeScript.TAI_LE,
                    UnicodeScript.NEW_TAI_LUE,
                    UnicodeScript.TAI_THAM,
                    UnicodeScript.TAI_VIET,
                    UnicodeScript.BALINESE,
                    UnicodeScript.JAVANESE);

    private SegmentationGuess() {}

    static Segmentation of(List<String> sample) {
        long counted = 0;
        long spaceless = 0;
        long lines = 0;
        long unspaced = 0;
        for (String sentence : sample) {
            String line = sentence.strip();
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            unspaced += line.codePoints().anyMatch(Segmentation::isWhitespace) ? 0 : 1;
            for (int cp : line.codePoints().toArray()) {
                if (!Segmentation.isWhitespace(cp) && !isJoiner(cp)) {
                    counted++;
                    spaceless += isSpaceless(cp) ? 1 : 0;
                }
            }
        }
        return spaceless * 2 > counted || unspaced * 2 > lines
                ? Segmentation.CHARACTER
                : Segmentation.WORD;
    }

    static boolean isSpaceless(int cp) {
        return SPACELESS.contains(UnicodeScript.of(cp)) || isEmoji(cp);
    }

    /**
     * Pictographs, dingbats and the skin-tone modifiers. Java 17 has no emoji property, and the
     * blocks cover what keyboards offer.
     */
    static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        boolean pictographic = (cp >= 0x2300 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF);
        return pictographic
                && (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL);
    }

    /**
     * Combining marks and format characters (variation selectors, zero-width joiners) belong to the
     * character before them, so they do not count on their own.
     */
    private static boolean isJoiner(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK && UnicodeScript.of(cp) == UnicodeScript.INHERITED
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
    }
}
