package org.textvae.poetry;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * @param codes each line's latent code, in order
 */
public record WrittenPoem(
        VerseForm form,
        LinePattern firstPattern,
        String rhymeGroup,
        List<String> lines,
        int redrawn,
        int forced,
        float[][] codes) {

    public WrittenPoem {
        lines = List.copyOf(lines);
        codes = copy(codes);
    }

    @Override
    public float[][] codes() {
        return copy(codes);
    }

    private static float[][] copy(float[][] rows) {
        return Arrays.stream(rows).map(float[]::clone).toArray(float[][]::new);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrittenPoem that
                && form == that.form
                && firstPattern == that.firstPattern
                && Objects.equals(rhymeGroup, that.rhymeGroup)
                && lines.equals(that.lines)
                && redrawn == that.redrawn
                && forced == that.forced
                && Arrays.deepEquals(codes, that.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(form, firstPattern, rhymeGroup, lines, redrawn, forced)
                + 31 * Arrays.deepHashCode(codes);
    }

    /** The poem as data, for the scorer. */
    public Poem poem() {
        return Poem.of(lines.toArray(String[]::new));
    }
}
