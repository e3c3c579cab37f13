package org.textvae.ci;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.textvae.Seeds;
import org.textvae.SentenceVae;
import org.textvae.poetry.LineSuccession;
import org.textvae.prior.PosteriorMixture;

/** The ci of one call as they are being written: lines, codes, groups and counts. */
final class CiDraft {

    /** One line of one ci. */
    private record Slot(int ci, int line) {}

    private final SentenceVae vae;
    private final CiMasks masks;
    private final Tune tune;
    private final SplittableRandom seeds;
    private final String[][] lines;
    private final String[] groups;
    private final int[] redrawn;
    private final int[] forced;
    private final List<Set<Integer>> usedRhymes = new ArrayList<>();

    /** When lines follow one another: how, their codes so far, and the draws' generator. */
    private final LineSuccession succession;

    private final float[][][] codes;
    private final SplittableRandom following;
    private final Map<Integer, PosteriorMixture> keptByLength = new HashMap<>();

    /** A theme the ci keep to, and the generator of its draws; null for none. */
    private final CiTheme theme;

    private final SplittableRandom themed;

    CiDraft(
            SentenceVae vae,
            CiMasks masks,
            Tune tune,
            int count,
            String group,
            SplittableRandom seeds,
            LineSuccession succession,
            CiTheme theme) {
        this.vae = vae;
        this.succession = succession;
        this.theme = theme;
        this.themed = theme == null ? null : new SplittableRandom(seeds.nextLong());
        this.codes = new float[count][tune.lines().size()][];
        this.following = succession == null ? null : new SplittableRandom(seeds.nextLong());
        this.masks = masks;
        this.tune = tune;
        this.seeds = seeds;
        this.lines = new String[count][tune.lines().size()];
        this.groups = new String[count];
        this.redrawn = new int[count];
        this.forced = new int[count];
        Arrays.fill(groups, group);
        for (int c = 0; c < count; c++) {
            usedRhymes.add(new HashSet<>());
        }
    }

    List<WrittenCi> write() {
        int firstRhyme = firstRhyme();
        if (groups[0] == null && firstRhyme >= 0) {
            List<Slot> first = new ArrayList<>();
            for (int c = 0; c < lines.length; c++) {
                first.add(new Slot(c, firstRhyme));
            }
            writeLines(first);
            for (int c = 0; c < lines.length; c++) {
                String line = lines[c][firstRhyme];
                groups[c] = masks.groupOf(line.codePointBefore(line.length()));
            }
        }
        List<Slot> rest = new ArrayList<>();
        for (int c = 0; c < lines.length; c++) {
            for (int i = 0; i < tune.lines().size(); i++) {
                if (lines[c][i] == null) {
                    rest.add(new Slot(c, i));
                }
            }
        }
        writeLines(rest);
        List<WrittenCi> written = new ArrayList<>(lines.length);
        for (int c = 0; c < lines.length; c++) {
            written.add(new WrittenCi(tune, groups[c], List.of(lines[c]), redrawn[c], forced[c]));
        }
        return written;
    }

    private int firstRhyme() {
        for (int i = 0; i < tune.lines().size(); i++) {
            if (tune.lines().get(i).rhymes()) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the slots' lines, drawing new codes for those the model writes too short or long. */
    private void writeLines(List<Slot> slots) {
        List<Slot> pending = slots;
        for (int round = 0; round <= CiWriter.REDRAWS && !pending.isEmpty(); round++) {
            if (round > 0) {
                pending.forEach(s -> redrawn[s.ci()]++);
            }
            List<String> written = vae.decodeAll(codes(pending), masks.masks(rules(pending)));
            List<Slot> failed = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                Slot slot = pending.get(k);
                String line = written.get(k);
                if (line.codePointCount(0, line.length()) == length(slot) && newRhyme(slot, line)) {
                    lines[slot.ci()][slot.line()] = line;
                } else {
                    failed.add(slot);
                }
            }
            pending = failed;
        }
        if (!pending.isEmpty()) {
            List<String> written = vae.decodeAll(codes(pending), masks.forced(rules(pending)));
            for (int k = 0; k < pending.size(); k++) {
                Slot slot = pending.get(k);
                lines[slot.ci()][slot.line()] = written.get(k);
                forced[slot.ci()]++;
            }
        }
    }

    /**
     * Whether a line rhymes on a character its ci has not rhymed on yet (or does not rhyme), and if
     * so takes the character: a ci does not rhyme twice on one word. Slots come in line order, so
     * of two lines written together the earlier keeps the character.
     */
    private boolean newRhyme(Slot slot, String line) {
        if (!tune.lines().get(slot.line()).rhymes()) {
            return true;
        }
        return usedRhymes.get(slot.ci()).add(line.codePointBefore(line.length()));
    }

    /**
     * New codes for the slots, each from the prior's lines of its length, lengths drawn apart; with
     * a theme, from the kept lines of that length the theme keeps to; when lines follow one
     * another, a line whose line before has a code is drawn near the code the succession predicts
     * from it instead (slots come in line order, so a chain runs through them).
     */
    private float[][] codes(List<Slot> slots) {
        float[][] drawn = priorCodes(slots);
        if (succession == null && theme == null) {
            return drawn;
        }
        for (int k = 0; k < slots.size(); k++) {
            Slot slot = slots.get(k);
            PosteriorMixture pool = themePool(slot);
            float[] before = slot.line() > 0 ? codes[slot.ci()][slot.line() - 1] : null;
            if (succession != null && before != null) {
                PosteriorMixture kept = pool != null ? pool : keptOfLength(length(slot));
                drawn[k] = succession.next(before, kept, following);
            } else if (pool != null) {
                drawn[k] = pool.draw(themed);
            }
            codes[slot.ci()][slot.line()] = drawn[k];
        }
        return drawn;
    }

    /**
     * The prior's kept lines of {@code length} characters, cut out once per call: a following line
     * needs them at every draw, and cutting copies every kept line of that length.
     */
    private PosteriorMixture keptOfLength(int length) {
        return keptByLength.computeIfAbsent(
                length, l -> ((PosteriorMixture) vae.prior()).ofLength(l));
    }

    /** The kept lines a themed ci's line is drawn from; null without a theme or such lines. */
    private PosteriorMixture themePool(Slot slot) {
        if (theme == null) {
            return null;
        }
        return slot.line() == 0 ? theme.first(length(slot)) : theme.later(length(slot));
    }

    private float[][] priorCodes(List<Slot> slots) {
        float[][] codes = new float[slots.size()][];
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int k = 0; k < slots.size(); k++) {
            byLength.computeIfAbsent(length(slots.get(k)), l -> new ArrayList<>()).add(k);
        }
        long seed = seeds.nextLong();
        byLength.forEach(
                (length, members) -> {
                    float[][] drawn =
                            vae.priorSamplesOfLength(
                                    members.size(), length, Seeds.ofItem(seed, length));
                    for (int j = 0; j < members.size(); j++) {
                        codes[members.get(j)] = drawn[j];
                    }
                });
        return codes;
    }

    private List<CiMasks.Line> rules(List<Slot> slots) {
        List<CiMasks.Line> rules = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            TuneLine line = tune.lines().get(slot.line());
            rules.add(
                    new CiMasks.Line(
                            line.length(), line.rhymes(), groups[slot.ci()], tune.rhymeTone()));
        }
        return rules;
    }

    private int length(Slot slot) {
        return tune.lines().get(slot.line()).length();
    }
}
