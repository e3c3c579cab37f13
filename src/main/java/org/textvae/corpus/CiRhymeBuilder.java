package org.textvae.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.textvae.ci.CiRhymes;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLine;
import org.textvae.ci.TuneTable;
import org.textvae.poetry.RhymeGroups;
import org.textvae.poetry.Tone;
import org.textvae.poetry.ToneTable;

/**
 * Finds the rhyme groups of Song ci from the corpus. In each training ci (by the deterministic
 * split of its text) written in its tune's known form, the characters that end two consecutive
 * rhyming lines rhyme together, unless one is 平 and the other 仄 by the tone table: a tune that
 * changes rhyme (菩萨蛮) mostly changes tone with it. {@link RhymeGroups} cuts the graph of those
 * pairs into groups. The test ci measure the result: the share of their consecutive rhyme pairs
 * (the same pairs) whose characters share a group.
 */
public final class CiRhymeBuilder {

    /**
     * What the build produced.
     *
     * @param rhymes the table
     * @param trainingPairs pairs the groups were found from
     * @param testPairs pairs of the test ci
     * @param testAgreement of those, the share whose characters share a group
     */
    public record Result(CiRhymes rhymes, int trainingPairs, int testPairs, double testAgreement) {}

    private CiRhymeBuilder() {}

    static Result build(SongCi read, TuneTable tunes, ToneTable tones) {
        List<Set<Integer>> training = new ArrayList<>();
        List<int[]> test = new ArrayList<>();
        for (Tune tune : tunes.tunes()) {
            if (!tune.formKnown()) {
                continue;
            }
            List<Integer> form = tune.lines().stream().map(TuneLine::length).toList();
            for (SongCi.Ci ci : read.byTune().get(tune.name())) {
                if (!ci.lengths().equals(form)) {
                    continue;
                }
                boolean train = DeterministicSplit.of(ci.text()) == Split.TRAIN;
                for (int[] pair : rhymePairs(ci, tune, tones)) {
                    if (train) {
                        training.add(Set.of(pair[0], pair[1]));
                    } else {
                        test.add(pair);
                    }
                }
            }
        }
        RhymeGroups groups = RhymeGroups.derive(training, RhymeGroups.HEADS_SIMPLIFIED);
        List<String> comments =
                List.of(
                        "Rhyme groups of Song ci by character, found from consecutive rhymes of the"
                                + " corpus's training ci, 平 and 仄 apart.",
                        "Built by: textvae corpus tunes. Source: chinese-poetry 2.0.1 (MIT),"
                                + " dist/songci/ci.song.*.json. See docs/ci.md.");
        Map<Integer, List<String>> byUse = byUse(groups, names(groups, tones));
        Map<Integer, Tone> toneOf = new HashMap<>();
        byUse.keySet().forEach(c -> toneOf.put(c, tones.toneOf(c)));
        CiRhymes rhymes = new CiRhymes(byUse, toneOf, comments);
        long agreeing = test.stream().filter(p -> rhymes.rhyme(p[0], p[1])).count();
        return new Result(
                rhymes,
                training.size(),
                test.size(),
                test.isEmpty() ? Double.NaN : (double) agreeing / test.size());
    }

    /**
     * Each group's name: the 平水韻 heads a level-tone group holds, as shi groups are named; a group
     * mostly of 仄 characters by its most used character, in brackets, since a 平 head in it is there
     * by another reading.
     */
    private static Map<String, String> names(RhymeGroups groups, ToneTable tones) {
        Map<String, String> names = new HashMap<>();
        for (RhymeGroups.Group group : groups.groups()) {
            long ze = group.members().stream().filter(c -> tones.toneOf(c) == Tone.ZE).count();
            boolean oblique = 2 * ze > group.members().size();
            String first = Character.toString(group.members().get(0));
            names.put(group.name(), oblique ? "(" + first + ")" : group.name());
        }
        return names;
    }

    /** Characters group by group, most used first, each with its groups renamed. */
    private static Map<Integer, List<String>> byUse(RhymeGroups groups, Map<String, String> names) {
        Map<Integer, List<String>> ordered = new LinkedHashMap<>();
        for (RhymeGroups.Group group : groups.groups()) {
            for (int c : group.members()) {
                ordered.put(c, groups.byCharacter().get(c).stream().map(names::get).toList());
            }
        }
        return ordered;
    }

    /** The end characters of consecutive rhyming lines that may rhyme: distinct, tones agreeing. */
    private static List<int[]> rhymePairs(SongCi.Ci ci, Tune tune, ToneTable tones) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < tune.lines().size(); i++) {
            if (tune.lines().get(i).rhymes()) {
                String line = ci.lines().get(i);
                ends.add(line.codePointBefore(line.length()));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < ends.size(); i++) {
            int a = ends.get(i);
            int b = ends.get(i + 1);
            if (a != b
                    && tones.covers(a)
                    && tones.covers(b)
                    && tones.toneOf(a).allows(tones.toneOf(b))) {
                pairs.add(new int[] {a, b});
            }
        }
        return pairs;
    }
}
