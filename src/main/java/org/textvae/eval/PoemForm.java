package org.textvae.eval;

import java.util.Collection;
import java.util.List;

/**
 * The form of a line of a classical Chinese regulated poem: exactly five or seven characters. A
 * generated line is of valid form when it has that length, no {@code <unk>}, and no character three
 * times in a row (a degenerate decoder's favourite way to fill a line).
 */
public final class PoemForm {

    private PoemForm() {}

    /** Whether a corpus is a poem corpus: it has lines and every training line is 5 or 7 long. */
    public static boolean isPoemCorpus(Collection<String> training) {
        return !training.isEmpty() && training.stream().allMatch(PoemForm::hasPoemLength);
    }

    /** Whether a generated line is of valid form. */
    public static boolean isValidLine(String line) {
        if (line.contains("<unk>") || !hasPoemLength(line)) {
            return false;
        }
        int[] characters = line.codePoints().toArray();
        for (int i = 2; i < characters.length; i++) {
            if (characters[i] == characters[i - 1] && characters[i] == characters[i - 2]) {
                return false;
            }
        }
        return true;
    }

    /** Share of lines of valid form (NaN for no lines). */
    public static double validRate(List<String> lines) {
        if (lines.isEmpty()) {
            return Double.NaN;
        }
        return lines.stream().filter(PoemForm::isValidLine).count() / (double) lines.size();
    }

    private static boolean hasPoemLength(String line) {
        int length = line.codePointCount(0, line.length());
        return length == 5 || length == 7;
    }
}
