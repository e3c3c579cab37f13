package org.textvae.ci;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.generate.PositionMasks;
import org.textvae.vocab.Vocabulary;

/**
 * The position masks of a ci's lines: any single character the vocabulary holds, and at a rhyming
 * line's last position only characters of the ci's rhyme group (or, before the group is chosen, of
 * any group). {@code <eos>} stays allowed everywhere, so the model says where its line ends; a line
 * of the wrong length is drawn again, and only after every redraw given its length.
 */
final class CiMasks {

    /** What one line must keep: its length, and its rhyme group when it rhymes. */
    record Line(int length, boolean rhymes, String group) {}

    private static final int OPEN = 0;
    private static final int ANY_RHYME = 1;
    private static final int EOS = 2;
    private static final int FIRST_GROUP = 3;

    /** Each set with {@code <eos>}, then the same without it at index + {@link #closed}. */
    private final List<BitSet> sets = new ArrayList<>();

    private final Map<String, Integer> groups = new LinkedHashMap<>();
    private final int closed;
    private final CiRhymes rhymes;

    CiMasks(Vocabulary vocabulary, CiRhymes rhymes) {
        this.rhymes = rhymes;
        BitSet characters = new BitSet();
        BitSet anyRhyme = new BitSet();
        Map<String, BitSet> members = new LinkedHashMap<>();
        rhymes.groups().keySet().forEach(g -> members.put(g, new BitSet()));
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.token(id);
            if (Vocabulary.SPECIALS.contains(token)
                    || token.codePointCount(0, token.length()) != 1) {
                continue;
            }
            characters.set(id);
            for (String group : rhymes.groupsOf(token.codePointAt(0))) {
                anyRhyme.set(id);
                members.get(group).set(id);
            }
        }
        if (anyRhyme.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "the model's vocabulary holds no character that rhymes in Song ci; is it a ci"
                            + " model?");
        }
        BitSet eos = new BitSet();
        eos.set(vocabulary.eosId());
        List<BitSet> open = new ArrayList<>(List.of(characters, anyRhyme, new BitSet()));
        members.forEach(
                (group, set) -> {
                    if (!set.isEmpty()) {
                        groups.put(group, open.size());
                        open.add(set);
                    }
                });
        for (BitSet set : open) {
            BitSet withEos = (BitSet) set.clone();
            withEos.or(eos);
            sets.add(withEos);
        }
        closed = sets.size();
        sets.addAll(open);
        sets.set(closed + EOS, eos); // "closed" <eos>-only: what a forced line's end allows
    }

    /** The group a rhyme written under {@link #masks} falls in: its character's own group. */
    String groupOf(int character) {
        return rhymes.groupsOf(character).get(0);
    }

    /** Whether the vocabulary can write a rhyme of {@code group}. */
    boolean writes(String group) {
        return groups.containsKey(group);
    }

    /** Masks under which the model ends each line where it will; one position past the longest. */
    PositionMasks masks(List<Line> lines) {
        int positions = lines.stream().mapToInt(Line::length).max().orElse(1) + 1;
        int[][] choice = new int[lines.size()][positions];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            for (int p = 0; p < positions; p++) {
                choice[i][p] = p == line.length() - 1 && line.rhymes() ? rhymeSet(line) : OPEN;
            }
        }
        return new PositionMasks(sets, choice);
    }

    /** Masks that end every line at its length: what a line gets after every redraw failed. */
    PositionMasks forced(List<Line> lines) {
        int positions = lines.stream().mapToInt(Line::length).max().orElse(1) + 1;
        int[][] choice = new int[lines.size()][positions];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            for (int p = 0; p < positions; p++) {
                if (p >= line.length()) {
                    choice[i][p] = closed + EOS;
                } else if (p == line.length() - 1 && line.rhymes()) {
                    choice[i][p] = closed + rhymeSet(line);
                } else {
                    choice[i][p] = closed + OPEN;
                }
            }
        }
        return new PositionMasks(sets, choice);
    }

    private int rhymeSet(Line line) {
        return line.group() == null ? ANY_RHYME : groups.get(line.group());
    }
}
