package org.textvae.poetry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.textvae.generate.PositionMasks;
import org.textvae.vocab.Vocabulary;

/**
 * The position masks that make a line keep its tonal pattern and, where it rhymes, its rhyme group.
 * Only characters the tone table knows are allowed (an unknown one would pass any scorer without
 * keeping any rule). {@code <eos>} stays allowed at every position, so the model still says where
 * its line ends: a line that ends early or runs past its length is the model's own, and the writer
 * draws another code for it instead of cutting or stretching it.
 */
final class VerseMasks {

    /**
     * What a line must keep: its pattern, its rhyme group if it rhymes, and its first character if
     * given ({@code head}, a token id; −1 for none).
     */
    record Line(LinePattern pattern, Rhyme rhyme, int head, Tone headTone) {
        Line(LinePattern pattern, Rhyme rhyme) {
            this(pattern, rhyme, -1, null);
        }

        Tone[] tones(int length) {
            return head < 0 ? pattern.safeTones(length) : pattern.safeTones(length, headTone);
        }
    }

    /** Whether a line rhymes, and in which group. */
    record Rhyme(boolean rhymes, String group) {
        static final Rhyme NONE = new Rhyme(false, null);

        /** A rhyming line that may end in any 平聲 group. */
        static final Rhyme ANY = new Rhyme(true, null);

        static Rhyme in(String group) {
            return new Rhyme(true, group);
        }
    }

    private static final int ANYTHING = 0;
    private static final int LEVEL = 1;
    private static final int OBLIQUE = 2;
    private static final int CHARACTER = 3;
    private static final int ANY_RHYME = 4;

    /** Each open set (which allows {@code <eos>}), then the same without it, then {@code <eos>}. */
    private final List<BitSet> sets = new ArrayList<>();

    private final Map<String, Integer> groups = new LinkedHashMap<>();
    private int open;

    VerseMasks(Vocabulary vocabulary, ToneTable table) {
        BitSet anything = new BitSet();
        anything.set(0, vocabulary.size());
        BitSet level = new BitSet();
        BitSet oblique = new BitSet();
        BitSet character = new BitSet();
        BitSet anyRhyme = new BitSet();
        Map<String, BitSet> members = new LinkedHashMap<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.token(id);
            if (token.codePointCount(0, token.length()) != 1) {
                continue;
            }
            int cp = token.codePointAt(0);
            if (!table.covers(cp)) {
                continue;
            }
            Tone tone = table.toneOf(cp);
            character.set(id);
            (tone.allows(Tone.PING) ? level : oblique).set(id);
            if (tone == Tone.EITHER) {
                oblique.set(id);
            }
            if (tone.allows(Tone.PING)) {
                for (String group : table.groupsOf(cp)) {
                    members.computeIfAbsent(group, g -> new BitSet()).set(id);
                    anyRhyme.set(id);
                }
            }
        }
        int eos = vocabulary.eosId();
        for (BitSet set : List.of(level, oblique, character, anyRhyme)) {
            set.set(eos);
        }
        sets.addAll(List.of(anything, level, oblique, character, anyRhyme));
        for (Map.Entry<String, BitSet> group : members.entrySet()) {
            group.getValue().set(eos);
            groups.put(group.getKey(), sets.size());
            sets.add(group.getValue());
        }
        open = sets.size();
        for (int s = 0; s < open; s++) {
            BitSet closed = (BitSet) sets.get(s).clone();
            closed.clear(eos);
            sets.add(closed);
        }
        BitSet end = new BitSet();
        end.set(eos);
        sets.add(end);
    }

    /** The rhyme groups a line can be asked to rhyme in: those with a character in the model. */
    TreeSet<String> groups() {
        return new TreeSet<>(groups.keySet());
    }

    /**
     * Masks for lines of {@code length} characters and one more position, open to every token, at
     * which the model ends the line or shows that it meant a longer one.
     */
    PositionMasks masks(List<Line> lines, int length) {
        return masks(lines, length, false);
    }

    /**
     * Masks that force the length instead: no {@code <eos>} before {@code length} characters, only
     * {@code <eos>} after them. For the last resort of a writer, which counts the lines it forced.
     */
    PositionMasks forcedLength(List<Line> lines, int length) {
        return masks(lines, length, true);
    }

    private PositionMasks masks(List<Line> lines, int length, boolean forced) {
        int[][] choice = new int[lines.size()][length + 1];
        List<BitSet> all = new ArrayList<>(sets);
        Map<Integer, Integer> heads = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Tone[] tones = line.tones(length);
            for (int p = 0; p < length; p++) {
                choice[i][p] =
                        switch (tones[p]) {
                            case PING -> LEVEL;
                            case ZE -> OBLIQUE;
                            case EITHER -> CHARACTER;
                        };
            }
            if (line.rhyme().rhymes()) {
                choice[i][length - 1] = rhymeSet(line.rhyme().group());
            }
            choice[i][length] = ANYTHING;
            if (forced) {
                for (int p = 0; p < length; p++) {
                    choice[i][p] += open;
                }
                choice[i][length] = sets.size() - 1;
            }
            if (line.head() >= 0) {
                choice[i][0] =
                        heads.computeIfAbsent(
                                line.head(),
                                id -> {
                                    BitSet only = new BitSet();
                                    only.set(id);
                                    all.add(only);
                                    return all.size() - 1;
                                });
            }
        }
        return new PositionMasks(all, choice);
    }

    private int rhymeSet(String group) {
        if (group == null) {
            return ANY_RHYME;
        }
        Integer set = groups.get(group);
        if (set == null) {
            throw new IllegalArgumentException(
                    "unknown rhyme group '" + group + "'; known: " + String.join(" ", groups()));
        }
        return set;
    }
}
