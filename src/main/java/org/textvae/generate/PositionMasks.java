package org.textvae.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Which tokens each line may write at each position, for constrained decoding: a few allowed sets
 * of token ids, and for every line and position the set that applies. Decoding adds −∞ to the
 * logits of every token outside the set, so greedy choice takes the most likely allowed token; the
 * model still decides among those, and still decides where the line ends unless a set leaves out
 * {@code <eos>}.
 */
public final class PositionMasks {

    private final List<BitSet> sets;
    private final int[][] choice;

    /**
     * @param sets allowed token ids, each set non-empty
     * @param choice for each line, the index into {@code sets} at each position; every line has the
     *     same number of positions, at least one, which is the longest line decoded
     */
    public PositionMasks(List<BitSet> sets, int[][] choice) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("position masks need at least one allowed set");
        }
        for (int s = 0; s < sets.size(); s++) {
            if (sets.get(s).isEmpty()) {
                throw new IllegalArgumentException("allowed set " + s + " is empty");
            }
        }
        if (choice.length == 0 || choice[0].length == 0) {
            throw new IllegalArgumentException("position masks need at least one line position");
        }
        for (int[] line : choice) {
            if (line.length != choice[0].length) {
                throw new IllegalArgumentException(
                        "every line needs masks for the same number of positions");
            }
            for (int set : line) {
                if (set < 0 || set >= sets.size()) {
                    throw new IllegalArgumentException(
                            "no allowed set " + set + " (there are " + sets.size() + ")");
                }
            }
        }
        this.sets = new ArrayList<>();
        sets.forEach(set -> this.sets.add((BitSet) set.clone()));
        this.choice = new int[choice.length][];
        for (int i = 0; i < choice.length; i++) {
            this.choice[i] = choice[i].clone();
        }
    }

    /** Lines masked. */
    public int lines() {
        return choice.length;
    }

    /** Positions per line: the most tokens a line decoded under these masks can have. */
    public int positions() {
        return choice[0].length;
    }

    /** Whether {@code token} is allowed at {@code position} of {@code line}. */
    public boolean allows(int line, int position, int token) {
        return sets.get(choice[line][position]).get(token);
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive), sharing the allowed sets. */
    PositionMasks lines(int from, int to) {
        return new PositionMasks(sets, Arrays.copyOfRange(choice, from, to));
    }

    /** The largest token id any set allows, to check against a vocabulary before decoding. */
    int largestToken() {
        int largest = -1;
        for (BitSet set : sets) {
            largest = Math.max(largest, set.length() - 1);
        }
        return largest;
    }

    /** Whether some set allows only tokens in {@code never} (which decoding never writes). */
    boolean someSetOnlyWithin(BitSet never) {
        for (BitSet set : sets) {
            BitSet rest = (BitSet) set.clone();
            rest.andNot(never);
            if (rest.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The biases (sets × vocabulary, row-major): 0 where a set allows a token, −∞ elsewhere. */
    float[] biasTable(int vocabulary) {
        float[] table = new float[sets.size() * vocabulary];
        Arrays.fill(table, Float.NEGATIVE_INFINITY);
        for (int s = 0; s < sets.size(); s++) {
            BitSet set = sets.get(s);
            for (int t = set.nextSetBit(0); t >= 0 && t < vocabulary; t = set.nextSetBit(t + 1)) {
                table[s * vocabulary + t] = 0;
            }
        }
        return table;
    }

    /** The set index of every line and position (lines × positions, row-major). */
    long[] choices() {
        long[] flat = new long[choice.length * positions()];
        for (int i = 0; i < choice.length; i++) {
            for (int p = 0; p < positions(); p++) {
                flat[i * positions() + p] = choice[i][p];
            }
        }
        return flat;
    }

    /** The number of allowed sets. */
    int sets() {
        return sets.size();
    }
}
