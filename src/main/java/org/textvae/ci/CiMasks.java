package org.textvae.ci;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.generate.PositionMasks;
import org.textvae.poetry.Tone;
import org.textvae.vocab.Vocabulary;

/**
 * The position masks of a ci's lines: any single character the vocabulary holds, and at a rhyming
 * line's last position only characters of the ci's rhyme group (or, before the group is chosen, of
 * any group) in the tune's rhyme tone. {@code <eos>} stays allowed everywhere, so the model says
 * where its line ends; a line of the wrong length is drawn again, and only after every redraw given
 * its length.
 */
final class CiMasks {

    /** What one line must keep: its length, and its rhyme group and tone when it rhymes. */
    record Line(int length, boolean rhymes, String group, Tone tone) {}

    /** Fewest characters of the tune's tone a group must offer to be a ci's. */
    static final int MIN_GROUP = 24;

    /** Stands for "any group" among the rhyme sets' keys. */
    private static final String ANY = "";

    private final CiRhymes rhymes;

    /** Each set with {@code <eos>}, then the same without it, and {@code <eos>} alone last. */
    private final List<BitSet> sets = new ArrayList<>();

    private final int open;
    private final int eosOnly;
    private final int closed;

    /** The rhyme sets' indices (with {@code <eos>}), by group (or {@link #ANY}) and tone. */
    private final Map<String, Integer> rhymeSets = new HashMap<>();

    CiMasks(Vocabulary vocabulary, CiRhymes rhymes) {
        this.rhymes = rhymes;
        BitSet characters = new BitSet();
        Map<String, BitSet> byKey = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.token(id);
            if (Vocabulary.SPECIALS.contains(token)
                    || token.codePointCount(0, token.length()) != 1) {
                continue;
            }
            characters.set(id);
            int c = token.codePointAt(0);
            for (Tone tone : Tone.values()) {
                if (!rhymes.toneOf(c).allows(tone)) {
                    continue;
                }
                for (String group : rhymes.groupsOf(c)) {
                    setOf(byKey, keys, key(group, tone)).set(id);
                }
            }
        }
        // The first rhyme sets the ci's group (its character's own), so it comes from characters
        // of exactly the tune's tone (one of either tone may stand in a group of the other) whose
        // group the vocabulary holds enough of in that tone for every later rhyme of the ci: at
        // least MIN_GROUP, or as many as its largest group holds, for a small vocabulary.
        Map<Tone, Integer> largest = new HashMap<>();
        byKey.forEach(
                (key, set) -> {
                    Tone tone = Tone.ofMark(key.substring(key.indexOf('\t') + 1));
                    largest.merge(tone, set.cardinality(), Math::max);
                });
        for (int id = characters.nextSetBit(0); id >= 0; id = characters.nextSetBit(id + 1)) {
            int c = vocabulary.token(id).codePointAt(0);
            List<String> own = rhymes.groupsOf(c);
            for (Tone tone : Tone.values()) {
                BitSet group = own.isEmpty() ? null : byKey.get(key(own.get(0), tone));
                boolean opens = tone == Tone.EITHER || rhymes.toneOf(c) == tone;
                int enough = Math.min(MIN_GROUP, largest.getOrDefault(tone, 0));
                if (opens && group != null && group.cardinality() >= enough) {
                    setOf(byKey, keys, key(ANY, tone)).set(id);
                }
            }
        }
        if (!byKey.containsKey(key(ANY, Tone.EITHER))) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "the model's vocabulary holds no character that rhymes in Song ci; is it a ci"
                            + " model?");
        }
        List<BitSet> plain = new ArrayList<>();
        plain.add(characters);
        for (String key : keys) {
            rhymeSets.put(key, plain.size());
            plain.add(byKey.get(key));
        }
        for (BitSet set : plain) {
            BitSet withEos = (BitSet) set.clone();
            withEos.set(vocabulary.eosId());
            sets.add(withEos);
        }
        open = 0;
        closed = sets.size();
        sets.addAll(plain);
        BitSet eos = new BitSet();
        eos.set(vocabulary.eosId());
        eosOnly = sets.size();
        sets.add(eos);
    }

    private static BitSet setOf(Map<String, BitSet> byKey, List<String> keys, String key) {
        return byKey.computeIfAbsent(
                key,
                k -> {
                    keys.add(k);
                    return new BitSet();
                });
    }

    private static String key(String group, Tone tone) {
        return group + "\t" + tone.mark();
    }

    /** The group a rhyme written under {@link #masks} falls in: its character's own group. */
    String groupOf(int character) {
        return rhymes.groupsOf(character).get(0);
    }

    /** Whether the vocabulary can write a rhyme of {@code group} in {@code tone}. */
    boolean writes(String group, Tone tone) {
        return rhymeSets.containsKey(key(group, tone));
    }

    /** Masks under which the model ends each line where it will; one position past the longest. */
    PositionMasks masks(List<Line> lines) {
        return choose(lines, false);
    }

    /** Masks that end every line at its length: what a line gets after every redraw failed. */
    PositionMasks forced(List<Line> lines) {
        return choose(lines, true);
    }

    private PositionMasks choose(List<Line> lines, boolean forced) {
        int positions = lines.stream().mapToInt(Line::length).max().orElse(1) + 1;
        int shift = forced ? closed : 0;
        int[][] choice = new int[lines.size()][positions];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            for (int p = 0; p < positions; p++) {
                if (forced && p >= line.length()) {
                    choice[i][p] = eosOnly;
                } else if (p == line.length() - 1 && line.rhymes()) {
                    choice[i][p] = shift + rhymeSet(line);
                } else {
                    choice[i][p] = shift + open;
                }
            }
        }
        return new PositionMasks(sets, choice);
    }

    private int rhymeSet(Line line) {
        Integer set = rhymeSets.get(key(line.group() == null ? ANY : line.group(), line.tone()));
        // A group with nothing in the tune's tone (a 仄 group for a 平 tune): any tone of it.
        return set != null ? set : rhymeSets.get(key(line.group(), Tone.EITHER));
    }
}
