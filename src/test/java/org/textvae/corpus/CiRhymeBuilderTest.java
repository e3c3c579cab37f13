package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.ci.CiRhymes;
import org.textvae.ci.TuneTable;
import org.textvae.poetry.CharacterEntry;
import org.textvae.poetry.Tone;
import org.textvae.poetry.ToneTable;

class CiRhymeBuilderTest {

    /** Six groups of four characters: three level, three oblique. */
    private static final List<String> GROUPS =
            List.of("东中风红", "江香长凉", "时飞归知", "雨去处住", "里水醉意", "月雪绝节");

    private static final ToneTable TONES =
            tones(
                    String.join("", GROUPS.subList(0, 3)),
                    Tone.PING,
                    String.join("", GROUPS.subList(3, 6)),
                    Tone.ZE);

    private static ToneTable tones(String ping, Tone a, String ze, Tone b) {
        List<CharacterEntry> rows = new ArrayList<>();
        ping.codePoints().forEach(c -> rows.add(new CharacterEntry(c, a, List.of(), 1, 0, "")));
        ze.codePoints().forEach(c -> rows.add(new CharacterEntry(c, b, List.of(), 0, 1, "")));
        return new ToneTable(rows, List.of());
    }

    /** A ci of four five-character lines, all rhyming, ending in the given characters. */
    private static String ci(String ends) {
        StringBuilder paragraphs = new StringBuilder();
        String[] openings = {"白日依山", "黄河入海", "欲穷千里", "更上一层"};
        for (int i = 0; i < 4; i++) {
            paragraphs
                    .append(i > 0 ? "," : "")
                    .append('"')
                    .append(openings[i])
                    .appendCodePoint(ends.codePointAt(ends.offsetByCodePoints(0, i)))
                    .append("。\"");
        }
        return "{\"author\":\"a\",\"rhythmic\":\"甲\",\"paragraphs\":[" + paragraphs + "]}";
    }

    @Test
    void levelAndObliqueRhymesFallIntoGroupsOfTheirOwn(@TempDir Path dir) throws Exception {
        List<String> cis = new ArrayList<>();
        // Three ci rhyming in each group, in three orders, and one that changes tone.
        for (String group : GROUPS) {
            int[] c = group.codePoints().toArray();
            for (int[] order : new int[][] {{0, 1, 2, 3}, {1, 3, 0, 2}, {2, 0, 3, 1}}) {
                StringBuilder ends = new StringBuilder();
                for (int i : order) {
                    ends.appendCodePoint(c[i]);
                }
                cis.add(ci(ends.toString()));
            }
        }
        cis.add(ci("东中雨去"));
        Path tgz = dir.resolve("poetry.tgz");
        new TarBuilder()
                .file(
                        "package/dist/songci/ci.song.0.json",
                        ("[" + String.join(",", cis) + "]").getBytes(StandardCharsets.UTF_8),
                        false)
                .writeTo(tgz);
        SongCi read = SongCi.read(tgz);
        TuneTable tunes = TuneTableBuilder.build(read, TONES).table();
        assertTrue(tunes.find("甲").orElseThrow().formKnown());
        CiRhymeBuilder.Result result = CiRhymeBuilder.build(read, tunes, TONES);
        CiRhymes rhymes = result.rhymes();
        assertEquals(6, rhymes.groups().size(), rhymes.groups().keySet().toString());
        for (String group : GROUPS) {
            int[] c = group.codePoints().toArray();
            assertTrue(rhymes.rhyme(c[0], c[3]), group);
        }
        // 中 then 雨 changes tone, so the pair links nothing.
        assertFalse(rhymes.rhyme('中', '雨'));
        assertEquals(List.of("东"), rhymes.groupsOf('红')); // named by its 平水韻 head
        assertTrue(rhymes.groupsOf('雨').get(0).startsWith("("), rhymes.groupsOf('雨').toString());
        assertEquals(List.of(), rhymes.groupsOf('白'));
        assertEquals(Tone.ZE, rhymes.toneOf('雨'));
        assertEquals(
                18 * 3 + 2,
                result.trainingPairs() + result.testPairs(),
                "three pairs a ci, and two in the ci that changes tone");
    }

    @Test
    void theTableReadsBackAsItWasWritten(@TempDir Path dir) {
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        groups.put((int) '东', List.of("东"));
        groups.put((int) '重', List.of("东", "(梦)"));
        CiRhymes rhymes =
                new CiRhymes(
                        groups, Map.of((int) '东', Tone.PING, (int) '重', Tone.EITHER), List.of("c"));
        Path file = dir.resolve("rhymes.tsv");
        rhymes.write(file);
        CiRhymes read = CiRhymes.read(file);
        assertEquals(rhymes.format(), read.format());
        assertTrue(read.rhyme('东', '重'));
        assertEquals(Tone.EITHER, read.toneOf('重'));
        assertEquals(Tone.PING, read.toneOf('东'));
        assertEquals(List.of((int) '东', (int) '重'), read.groups().get("东"));
        assertEquals(List.of((int) '重'), read.groups().get("(梦)"));
    }
}
