package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLine;
import org.textvae.ci.TuneTable;
import org.textvae.poetry.CharacterEntry;
import org.textvae.poetry.Tone;
import org.textvae.poetry.ToneTable;

class TuneTableBuilderTest {

    private static final String HUANXISHA =
            "\"轻屉来时不破尘。\",\"石榴花映石榴裙。\",\"有情应得撞腮春。\"," + "\"夜短更难留远梦，日高何计学行云。\",\"树深莺过静无人。\"";

    private static String ci(String tune, String paragraphs) {
        return "{\"author\":\"a\",\"rhythmic\":\""
                + tune
                + "\",\"paragraphs\":["
                + paragraphs
                + "]}";
    }

    private static Path pack(Path dir, List<String> cis) throws Exception {
        Path tgz = dir.resolve("poetry.tgz");
        String json = "[" + String.join(",", cis) + "]";
        new TarBuilder()
                .file(
                        "package/dist/songci/ci.song.0.json",
                        json.getBytes(StandardCharsets.UTF_8),
                        false)
                .writeTo(tgz);
        return tgz;
    }

    private static final ToneTable TONES =
            new ToneTable(
                    List.of(new CharacterEntry('红', Tone.PING, List.of(), 1, 0, "紅")), List.of());

    @Test
    void aTunesFormIsTheOneMostOfItsCiShareWithRhymesWhereTheyCloseWithAFullStop(@TempDir Path dir)
            throws Exception {
        List<String> cis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cis.add(ci("浣溪沙", HUANXISHA));
        }
        // One ci of another form, one that pauses where the others rhyme.
        cis.add(ci("浣溪沙", "\"轻屉来时不破尘。\",\"石榴花映石榴裙。\""));
        cis.add(ci("浣溪沙", HUANXISHA.replace("有情应得撞腮春。", "有情应得撞腮春，")));
        cis.add(ci("失调名", HUANXISHA)); // the tune is lost
        cis.add(ci("浣溪沙", HUANXISHA.replace("石榴裙", "石榴囗"))); // a lost character
        cis.add(ci("浣溪沙", HUANXISHA.replace("石榴裙", "ABC"))); // not Han
        cis.add(ci("红窗迥", "\"一二三，\",\"四五六。。\",\"七八九十。\""));
        TuneTableBuilder.Result result = TuneTableBuilder.build(pack(dir, cis), TONES);

        assertEquals(11, result.poems());
        assertEquals(8, result.used());
        Tune huanxisha = result.table().find("浣溪沙").orElseThrow();
        assertEquals(7, huanxisha.poems());
        assertEquals(6, huanxisha.formPoems());
        assertEquals(2, huanxisha.variants());
        assertEquals("7。7。7。/7，7。7。", huanxisha.form());
        assertTrue(huanxisha.formKnown());

        Tune other = result.table().find("紅窗迥").orElseThrow(); // found by its traditional name
        assertEquals("红窗迥", other.name());
        assertEquals(
                List.of(new TuneLine(3, false), new TuneLine(3, true), new TuneLine(4, true)),
                other.lines());
        assertFalse(other.formKnown());
        assertEquals(-1, result.table().tunes().stream().map(Tune::name).toList().indexOf("失调名"));
    }

    @Test
    void buildingTwiceGivesTheSameBytes(@TempDir Path dir) throws Exception {
        List<String> cis = new ArrayList<>();
        cis.add(ci("浣溪沙", HUANXISHA));
        cis.add(ci("浣溪沙", "\"轻屉来时不破尘。\""));
        cis.add(ci("红窗迥", "\"一二三，\",\"四五六。\""));
        Path pack = pack(dir, cis);
        TuneTable first = TuneTableBuilder.build(pack, TONES).table();
        assertEquals(first.format(), TuneTableBuilder.build(pack, TONES).table().format());
        // Equally common forms: the one first by its lengths is the tune's.
        assertEquals("7。", first.find("浣溪沙").orElseThrow().form());
    }
}
