package org.textvae.poetry;

import java.util.Optional;

/** The four forms of regulated verse: quatrains and octaves of 5- or 7-character lines. */
public enum VerseForm {
    /** 五言絕句: four lines of five characters. */
    WUJUE("五絕", 4, 5),
    /** 七言絕句: four lines of seven characters. */
    QIJUE("七絕", 4, 7),
    /** 五言律詩: eight lines of five characters. */
    WULU("五律", 8, 5),
    /** 七言律詩: eight lines of seven characters. */
    QILU("七律", 8, 7);

    private final String label;
    private final int lines;
    private final int characters;

    VerseForm(String label, int lines, int characters) {
        this.label = label;
        this.lines = lines;
        this.characters = characters;
    }

    /** Returns the form's Chinese name, for example 五絕. */
    public String label() {
        return label;
    }

    public int lines() {
        return lines;
    }

    /** Returns the number of characters in each line. */
    public int characters() {
        return characters;
    }

    /** Returns the form of a poem: 4 or 8 lines, all of 5 or all of 7 characters; else empty. */
    public static Optional<VerseForm> of(Poem poem) {
        int length = poem.lineLength();
        for (VerseForm form : values()) {
            if (form.lines == poem.lines().size() && form.characters == length) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }
}
