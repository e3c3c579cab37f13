package org.textvae.poetry;

import java.util.List;

/**
 * A poem as a writer wrote it.
 *
 * @param form its form
 * @param firstPattern the tonal pattern of its first line, which sets the others'
 * @param rhymeGroup the 平聲 group its rhyming lines end in
 * @param lines its lines, in order
 * @param redrawn lines written again from a new latent code because the model ended them early or
 *     ran them past the form's length (a line redrawn twice counts twice)
 * @param forced lines whose length was forced after every redraw failed
 */
public record WrittenPoem(
        VerseForm form,
        LinePattern firstPattern,
        String rhymeGroup,
        List<String> lines,
        int redrawn,
        int forced) {

    public WrittenPoem {
        lines = List.copyOf(lines);
    }

    /** The poem as data, for the scorer. */
    public Poem poem() {
        return Poem.of(lines.toArray(String[]::new));
    }
}
