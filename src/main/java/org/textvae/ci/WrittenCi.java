package org.textvae.ci;

import java.util.List;

/**
 * A ci written to a tune.
 *
 * @param tune the tune
 * @param rhymeGroup the rhyme group of its rhyming lines
 * @param lines its lines, in order, without marks
 * @param redrawn lines whose code was drawn again because the model ended the line early or late
 * @param forced lines given their length after every redraw failed (so ended where the tune says,
 *     not where the model would)
 */
public record WrittenCi(Tune tune, String rhymeGroup, List<String> lines, int redrawn, int forced) {

    /** Copies the lines. */
    public WrittenCi {
        lines = List.copyOf(lines);
        if (lines.size() != tune.lines().size()) {
            throw new IllegalArgumentException(
                    tune.name() + " has " + tune.lines().size() + " lines, got " + lines.size());
        }
    }

    /**
     * The ci as it is printed: each line closed by its mark (。 where it rhymes, ， where it pauses),
     * each stanza on a line of its own.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i == tune.firstStanza() && i > 0) {
                text.append('\n');
            }
            text.append(lines.get(i)).append(tune.lines().get(i).rhymes() ? '。' : '，');
        }
        return text.toString();
    }
}
