package org.textvae.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.poetry.Tone;

class TuneTableTest {

    private static Tune tune(
            String name, String traditional, int poems, int formPoems, String form) {
        FormText.Parsed parsed = FormText.parse(form);
        return new Tune(
                name,
                traditional,
                poems,
                formPoems,
                Math.min(3, poems - formPoems + 1),
                parsed.lines(),
                parsed.firstStanza(),
                Tone.EITHER);
    }

    private static final TuneTable TABLE =
            new TuneTable(
                    List.of(
                            tune("满江红", "滿江紅", 500, 390, "4，3，4。/3，3。"),
                            tune("浣溪沙", "浣溪沙", 750, 730, "7。7。7。/7，7。7。"),
                            tune("忆江南", "憶江南", 2, 1, "3，5。7，7。5。"),
                            tune("望江南・忆江南", "望江南・憶江南", 180, 150, "3，5。/3，5。")),
                    List.of("a comment"));

    @Test
    void aFormReadsBackAsItIsWritten() {
        FormText.Parsed parsed = FormText.parse("7。7。7。/7，7。7。");
        assertEquals(6, parsed.lines().size());
        assertEquals(3, parsed.firstStanza());
        assertEquals(new TuneLine(7, false), parsed.lines().get(3));
        assertEquals("7。7。7。/7，7。7。", FormText.format(parsed.lines(), parsed.firstStanza()));
        assertEquals(0, FormText.parse("6。6。5，").firstStanza());
    }

    @Test
    void malformedFormsAreRefused() {
        for (String bad : List.of("", "7", "7.", "/7。", "7。//7。", "7。/7。/7。", "。7", "0。")) {
            assertThrows(IllegalArgumentException.class, () -> FormText.parse(bad), bad);
        }
    }

    @Test
    void tunesAreListedMostUsedFirst() {
        assertEquals(
                List.of("浣溪沙", "满江红", "望江南・忆江南", "忆江南"),
                TABLE.tunes().stream().map(Tune::name).toList());
    }

    @Test
    void aTuneIsFoundByEitherScriptAndByEachOfItsNames() {
        assertEquals("满江红", TABLE.find("滿江紅").orElseThrow().name());
        assertEquals("满江红", TABLE.find(" 满江红 ").orElseThrow().name());
        // 忆江南 alone has one ci; the tune it also names has a known form and is chosen.
        assertEquals("望江南・忆江南", TABLE.find("憶江南").orElseThrow().name());
        assertEquals("望江南・忆江南", TABLE.find("望江南").orElseThrow().name());
        assertTrue(TABLE.find("蝶恋花").isEmpty());
    }

    @Test
    void theClosestNamesComeFirst() {
        assertEquals("浣溪沙", TABLE.closest("浣纱溪", 1).get(0).name());
        assertEquals(2, TABLE.closest("x", 2).size());
    }

    @Test
    void aFormIsKnownOnlyFromEnoughCiOfIt() {
        assertTrue(TABLE.find("浣溪沙").orElseThrow().formKnown());
        Tune rare = tune("雨中花", "雨中花", 30, 4, "4，4。");
        assertFalse(rare.formKnown());
        assertTrue(rare.whyUnknown().contains("holds 4 of its 30 ci"), rare.whyUnknown());
        assertFalse(tune("散", "散", 40, 11, "4，4。").formKnown()); // 11 of 40 is under 30%
    }

    @Test
    void lookupRefusesAnUnknownTuneWithTheClosestNamesAndAnUnknownFormWithItsReason() {
        TextvaeException unknown =
                assertThrows(TextvaeException.class, () -> TuneLookup.require(TABLE, "浣纱溪"));
        assertEquals(TextvaeException.Kind.USAGE, unknown.kind());
        assertTrue(unknown.getMessage().contains("the closest are 浣溪沙"), unknown.getMessage());
        TuneTable rare = new TuneTable(List.of(tune("雨中花", "雨中花", 30, 4, "4，4。")), List.of());
        TextvaeException formless =
                assertThrows(TextvaeException.class, () -> TuneLookup.require(rare, "雨中花"));
        assertTrue(formless.getMessage().contains("4 of its 30 ci"), formless.getMessage());
    }

    @Test
    void theTableReadsBackAsItWasWrittenAndBadRowsNameTheirLine(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("tunes.tsv");
        TABLE.write(file);
        TuneTable read = TuneTable.read(file);
        assertEquals(TABLE.format(), read.format());
        assertEquals(List.of("a comment"), read.comments());

        Files.writeString(
                file,
                "# c\n"
                        + TuneTable.HEADER
                        + "\n浣溪沙\t浣溪沙\t7\t6\t2\t7。7。\t平\n甲\t甲\t1\t1\t1\t7x\t平\n");
        TextvaeException bad = assertThrows(TextvaeException.class, () -> TuneTable.read(file));
        assertTrue(bad.getMessage().startsWith(file + ":4: not a tune table"), bad.getMessage());
        Files.writeString(
                file, TuneTable.HEADER + "\n甲\t甲\t1\t1\t1\t7。\t平\n甲\t甲\t1\t1\t1\t5。\t仄\n");
        TextvaeException twice = assertThrows(TextvaeException.class, () -> TuneTable.read(file));
        assertTrue(twice.getMessage().contains("tune twice: 甲"), twice.getMessage());
    }

    @Test
    void theBundledTableHoldsTheHundredMostUsedTunesWithTheirForms() {
        TuneTable bundled = TuneTable.bundled();
        assertTrue(bundled.tunes().size() >= 100);
        assertTrue(bundled.tunes().stream().limit(100).filter(Tune::formKnown).count() >= 90);
        Tune huanxisha = bundled.find("浣溪沙").orElseThrow();
        assertEquals("7。7。7。/7，7。7。", huanxisha.form());
        assertEquals("滿江紅", bundled.find("满江红").orElseThrow().traditional());
        assertEquals(Tone.PING, huanxisha.rhymeTone());
        assertEquals(Tone.ZE, bundled.find("满江红").orElseThrow().rhymeTone());
        assertEquals(Tone.EITHER, bundled.find("菩萨蛮").orElseThrow().rhymeTone()); // changes
    }
}
