package org.textvae.poetry;

/**
 * The four base tonal patterns of a regulated-verse line, named by the tone of the 2nd character
 * (起) and of the last (收). A 7-character line puts two characters before the 5-character pattern,
 * of the tone opposite to its first two. The 1st and 3rd characters (and the 5th of a 7-character
 * line) are free (一三五不論); the others must follow the pattern, and the line must avoid 孤平 and 三平尾
 * ({@link TonalFaults}).
 */
public enum LinePattern {
    /** 仄仄平平仄: 仄起仄收. */
    ZE_RISE_ZE_END("仄仄平平仄"),
    /** 平平仄仄平: 平起平收, the pattern where 孤平 can occur. */
    PING_RISE_PING_END("平平仄仄平"),
    /** 平平平仄仄: 平起仄收. */
    PING_RISE_ZE_END("平平平仄仄"),
    /** 仄仄仄平平: 仄起平收. */
    ZE_RISE_PING_END("仄仄仄平平");

    private final Tone[] five;

    LinePattern(String marks) {
        five =
                marks.codePoints()
                        .mapToObj(cp -> Tone.ofMark(Character.toString(cp)))
                        .toArray(Tone[]::new);
    }

    /** Returns the pattern's tones for a line of 5 or 7 characters. */
    public Tone[] tones(int length) {
        if (length == 5) {
            return five.clone();
        }
        if (length != 7) {
            throw new IllegalArgumentException(
                    "regulated lines have 5 or 7 characters, not " + length);
        }
        Tone[] seven = new Tone[7];
        seven[0] = five[0].opposite();
        seven[1] = five[0].opposite();
        System.arraycopy(five, 0, seven, 2, 5);
        return seven;
    }

    /**
     * The tones a writer must keep so that whatever it writes fits this pattern: the pattern's tone
     * at each fixed position, {@link Tone#EITHER} at each free one, except where freedom could make
     * a fault: in 平平仄仄平 the first of the last five characters stays 平 (else 孤平), and in a line
     * ending 平平 the third from the end stays 仄 (else 三平尾).
     */
    public Tone[] safeTones(int length) {
        Tone[] tones = tones(length);
        for (int i = 0; i < length; i++) {
            if (isFree(i, length)) {
                tones[i] = Tone.EITHER;
            }
        }
        if (this == PING_RISE_PING_END) {
            tones[length - 5] = Tone.PING;
        }
        if (this == ZE_RISE_PING_END) {
            tones[length - 3] = Tone.ZE;
        }
        return tones;
    }

    /**
     * The safe tones of a line whose first character is given and of tone {@code head}: the same as
     * {@link #safeTones(int)}, except that a 仄 head of a five-character 平平仄仄平 line, which would
     * make 孤平, is saved by a 平 third character (仄平平仄平).
     */
    public Tone[] safeTones(int length, Tone head) {
        Tone[] tones = safeTones(length);
        if (!head.allows(tones[0])) {
            tones[0] = Tone.EITHER;
            tones[2] = Tone.PING;
        }
        return tones;
    }

    /**
     * How many fixed positions of a line (of 5 or 7 code points) break this pattern: 0 for a line
     * that follows it, up to the line's fixed positions for one that keeps none.
     */
    public int mismatches(int[] line, ToneTable table) {
        Tone[] wanted = tones(line.length);
        int count = 0;
        for (int i = 0; i < line.length; i++) {
            if (!isFree(i, line.length) && !table.toneOf(line[i]).allows(wanted[i])) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns the pattern of line {@code index} (0-based) of a poem whose first line has this one.
     */
    public LinePattern ofLine(int index) {
        LinePattern pattern = this;
        for (int i = 1; i <= index; i++) {
            pattern = i % 2 == 1 ? pattern.couplet() : pattern.glued();
        }
        return pattern;
    }

    /** Whether a position (0-based) of a line of this length may take either tone. */
    static boolean isFree(int position, int length) {
        return position % 2 == 0 && position <= length - 3;
    }

    /** Whether the line ends in 平 (a rhyming line) in this pattern. */
    public boolean endsLevel() {
        return five[4] == Tone.PING;
    }

    /** The pattern of the next line in a couplet: the opposite 起, ending 平. */
    LinePattern couplet() {
        return five[1] == Tone.ZE ? PING_RISE_PING_END : ZE_RISE_PING_END;
    }

    /** The pattern of the first line of the next couplet: the same 起 (粘), ending 仄. */
    LinePattern glued() {
        return five[1] == Tone.PING ? PING_RISE_ZE_END : ZE_RISE_ZE_END;
    }

    /** Whether the line (5 or 7 code points) fits this pattern and has neither tonal fault. */
    public boolean fits(int[] line, ToneTable table) {
        Tone[] wanted = tones(line.length);
        for (int i = 0; i < line.length; i++) {
            if (!isFree(i, line.length) && !table.toneOf(line[i]).allows(wanted[i])) {
                return false;
            }
        }
        return !TonalFaults.threeLevelTail(line, table)
                && !(this == PING_RISE_PING_END && TonalFaults.isolatedLevel(line, table));
    }

    /** Whether the line fits any of the four patterns. */
    public static boolean fitsAny(int[] line, ToneTable table) {
        for (LinePattern pattern : values()) {
            if (pattern.fits(line, table)) {
                return true;
            }
        }
        return false;
    }
}
