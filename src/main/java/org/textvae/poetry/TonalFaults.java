package org.textvae.poetry;

/**
 * The two faults that the free positions of a line must not produce. A character of either tone is
 * read in whichever tone avoids the fault.
 */
public final class TonalFaults {

    private TonalFaults() {}

    /**
     * 三平尾: the last three characters all 平.
     *
     * @param line the line's code points
     */
    public static boolean threeLevelTail(int[] line, ToneTable table) {
        int n = line.length;
        if (n < 3) {
            return false;
        }
        for (int i = n - 3; i < n; i++) {
            if (table.toneOf(line[i]) != Tone.PING) {
                return false;
            }
        }
        return true;
    }

    /**
     * 孤平 in a line of the 平平仄仄平 pattern (仄仄平平仄仄平 with seven characters): apart from the rhyme, its
     * last five characters hold at most one 平, which then stands alone between 仄. A line whose 2nd
     * and 4th characters from the end of its last five do not follow that pattern (平 at the 2nd, 仄
     * at the 4th, 平 at the end) cannot have it.
     */
    public static boolean isolatedLevel(int[] line, ToneTable table) {
        int n = line.length;
        if (n < 5) {
            return false;
        }
        int core = n - 5;
        if (!table.toneOf(line[core + 1]).allows(Tone.PING)
                || !table.toneOf(line[core + 3]).allows(Tone.ZE)
                || !table.toneOf(line[n - 1]).allows(Tone.PING)) {
            return false;
        }
        int level = 0;
        for (int i = core; i < core + 4; i++) {
            if (table.toneOf(line[i]).allows(Tone.PING)) {
                level++;
            }
        }
        return level <= 1;
    }
}
