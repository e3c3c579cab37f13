package org.textvae.poetry;

/**
 * A character's tone class: 平 (level), 仄 (oblique), or either (a character read both ways, as 看 or
 * 重). A character of either tone satisfies any tonal requirement.
 */
public enum Tone {
    /** 平: level tone. */
    PING("平"),
    /** 仄: oblique tone (上, 去, 入). */
    ZE("仄"),
    /** Read in both tones. */
    EITHER("平仄");

    private final String mark;

    Tone(String mark) {
        this.mark = mark;
    }

    /** Returns the mark written in the table: 平, 仄 or 平仄. */
    public String mark() {
        return mark;
    }

    /** Whether a character of this tone may stand where {@code wanted} (平 or 仄) is required. */
    public boolean allows(Tone wanted) {
        return this == EITHER || wanted == EITHER || this == wanted;
    }

    /** Returns the opposite of 平 or 仄 (either stays either). */
    public Tone opposite() {
        return switch (this) {
            case PING -> ZE;
            case ZE -> PING;
            case EITHER -> EITHER;
        };
    }

    /** Parses a table mark. */
    public static Tone ofMark(String mark) {
        for (Tone tone : values()) {
            if (tone.mark.equals(mark)) {
                return tone;
            }
        }
        throw new IllegalArgumentException("unknown tone mark '" + mark + "'");
    }
}
