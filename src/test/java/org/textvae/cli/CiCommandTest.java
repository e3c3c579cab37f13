package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code textvae ci} lists the bundled tunes and shows one tune's form. */
class CiCommandTest {

    @Test
    void theListStartsWithTheMostUsedTuneAndCountsTheTunesItLeavesOut() {
        CommandLineTest.Outcome listed = CommandLineTest.run("ci", "--list");
        assertEquals(0, listed.exitCode(), listed.err());
        List<String> lines = listed.out().lines().toList();
        assertTrue(lines.get(1).startsWith("浣溪沙\t754\t7。7。7。/7，7。7。\t"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).contains("tunes with too few ci"), listed.out());
        CommandLineTest.Outcome all = CommandLineTest.run("ci", "--list", "--all");
        assertTrue(all.out().lines().count() > lines.size(), "--all lists more");
        assertTrue(all.out().contains("not known: "), "--all marks forms not known");
    }

    @Test
    void aTuneIsShownLineByLineFromItsTraditionalName() {
        CommandLineTest.Outcome shown = CommandLineTest.run("ci", "--show", "滿江紅");
        assertEquals(0, shown.exitCode(), shown.err());
        List<String> lines = shown.out().lines().toList();
        assertTrue(lines.get(0).startsWith("满江红 (滿江紅): "), lines.get(0));
        assertEquals("〇〇〇〇，", lines.get(2));
        assertEquals("〇〇〇〇。 (rhyme)", lines.get(4));
        assertTrue(lines.contains(""), "a blank line between the stanzas");
    }

    @Test
    void unknownTunesAndFormsAreOneLineUsageErrors() {
        CommandLineTest.Outcome unknown = CommandLineTest.run("ci", "--show", "浣纱溪");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("the closest are"), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        CommandLineTest.Outcome formless = CommandLineTest.run("ci", "--show", "雨中花");
        assertEquals(2, formless.exitCode());
        assertTrue(formless.err().contains("a form needs at least 5 ci"), formless.err());
        assertEquals(2, CommandLineTest.run("ci").exitCode());
    }
}
