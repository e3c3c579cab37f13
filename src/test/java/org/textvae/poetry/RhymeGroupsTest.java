package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.textvae.TextvaeException;

class RhymeGroupsTest {

    @Test
    void twoCliquesJoinedByOneWeakEdgeStayApart() {
        List<Map<Integer, Double>> edges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            edges.add(new TreeMap<>());
        }
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                if (a != b && a / 4 == b / 4) {
                    edges.get(a).put(b, 5.0);
                }
            }
        }
        edges.get(3).put(4, 1.0);
        edges.get(4).put(3, 1.0);
        int[] community = new ModularityClustering(1.0).cluster(edges);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, community);
    }

    @Test
    void borrowedRhymesDoNotMergeNeighbouringGroupsAndGroupsTakeTheirHeadsNames() {
        List<Set<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sets.add(set("東風中"));
            sets.add(set("冬龍鐘"));
            sets.add(set("花家"));
        }
        sets.add(set("風龍")); // one borrowed rhyme between 東 and 冬
        for (int i = 0; i < 6; i++) {
            sets.add(set("車家")); // 車 rhymes in 麻 too ...
            sets.add(set("車風")); // ... and mostly with 東 here
        }
        sets.add(set("車中"));
        // Other groups, so that each of these is as small a part of all rhymes as a real group is.
        String filler = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黃宇宙洪荒日月盈昃";
        for (int g = 0; g + 3 <= filler.length(); g += 3) {
            for (int i = 0; i < 10; i++) {
                sets.add(set(filler.substring(g, g + 3)));
            }
        }
        RhymeGroups groups = RhymeGroups.derive(sets);
        Map<Integer, List<String>> of = groups.byCharacter();
        assertEquals(List.of("東"), of.get((int) '風'));
        assertEquals(List.of("冬"), of.get((int) '龍'));
        assertNotEquals(of.get((int) '中'), of.get((int) '鐘'));
        assertEquals(List.of("(家)"), of.get((int) '花'));
        assertEquals(Set.of("東", "(家)"), Set.copyOf(of.get((int) '車')));
        assertEquals(3 + 11, groups.groups().size()); // 11 filler groups of three
    }

    @Test
    void theTableReadsBackWhatItWrites(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ToneTable table =
                new ToneTable(
                        List.of(
                                new CharacterEntry('東', Tone.PING, List.of("東"), 9, 0, ""),
                                new CharacterEntry('东', Tone.PING, List.of("東"), 9, 0, "東"),
                                new CharacterEntry('看', Tone.EITHER, List.of("寒", "(南)"), 5, 4, ""),
                                new CharacterEntry('日', Tone.ZE, List.of(), 0, 7, "")),
                        List.of("a comment"));
        java.nio.file.Path file = dir.resolve("t.tsv");
        table.write(file);
        ToneTable read = ToneTable.read(file);
        assertEquals(table.format(), read.format());
        assertEquals(Tone.EITHER, read.toneOf('看'));
        assertEquals(List.of("寒", "(南)"), read.groupsOf('看'));
        assertEquals(Tone.EITHER, read.toneOf('甲'));
    }

    @Test
    void aBrokenTableIsAOneLineInputError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("bad.tsv");
        java.nio.file.Files.writeString(file, ToneTable.HEADER + "\n東\t平聲\t東\t1\t0\t\n");
        TextvaeException e = assertThrows(TextvaeException.class, () -> ToneTable.read(file));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    private static Set<Integer> set(String characters) {
        Set<Integer> set = new LinkedHashSet<>();
        characters.codePoints().forEach(set::add);
        return set;
    }
}
