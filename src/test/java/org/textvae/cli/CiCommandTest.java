package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;

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
        // An option of another mode would be ignored: it is refused in one line.
        CommandLineTest.Outcome misplaced = CommandLineTest.run("ci", "--list", "--json");
        assertEquals(2, misplaced.exitCode());
        assertTrue(
                misplaced.err().contains("--json applies to --tune, not to --list"),
                misplaced.err());
        assertEquals(2, CommandLineTest.run("ci", "--show", "浣溪沙", "--tunes", "3").exitCode());
    }

    /** Two 浣溪沙 of seed 4 from {@code model}, with {@code more} options. */
    private static CommandLineTest.Outcome twoHuanxisha(Path model, String... more) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "ci",
                                "--tune",
                                "浣溪沙",
                                "-n",
                                "2",
                                "--seed",
                                "4",
                                "--model",
                                model.toString()));
        args.addAll(List.of(more));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void ciAreWrittenToATuneAsTextOrJson(@TempDir Path dir) {
        Path model =
                TinyModel.write(
                        dir,
                        ModelKind.VAE,
                        List.of("一曲新词酒一杯", "去年天气旧亭台", "夕阳西下几时回", "无可奈何花落去", "似曾相识燕归来"),
                        8,
                        3);
        CommandLineTest.Outcome text = twoHuanxisha(model);
        assertEquals(0, text.exitCode(), text.err());
        // Two ci of two stanzas each, a blank line between the ci.
        List<String> lines = text.out().lines().toList();
        assertEquals(5, lines.size(), text.out());
        assertTrue(lines.get(0).matches("(\\p{IsHan}{7}。){3}"), lines.get(0));
        assertTrue(lines.get(1).matches("\\p{IsHan}{7}，(\\p{IsHan}{7}。){2}"), lines.get(1));
        assertEquals("", lines.get(2));

        CommandLineTest.Outcome json = twoHuanxisha(model, "--json");
        List<String> objects = json.out().lines().toList();
        assertEquals(2, objects.size(), json.out());
        JsonObject first = JsonParser.parseString(objects.get(0)).getAsJsonObject();
        assertEquals("浣溪沙", first.get("tune").getAsString());
        assertEquals(6, first.getAsJsonArray("lines").size());
        assertEquals(lines.get(0) + "\n" + lines.get(1), first.get("text").getAsString());

        CommandLineTest.Outcome badGroup =
                CommandLineTest.run(
                        "ci", "--tune", "浣溪沙", "--rhyme", "东", "--model", model.toString());
        assertEquals(2, badGroup.exitCode(), badGroup.err());
        assertEquals(1, badGroup.err().strip().lines().count(), badGroup.err());
        assertEquals(2, CommandLineTest.run("ci", "--tune", "浣溪沙", "-n", "0").exitCode(), "-n 0");
    }

    @Test
    void measuringPrintsOneRowPerTune(@TempDir Path dir) throws Exception {
        List<String> lines = List.of("一曲新词酒一杯", "去年天气旧亭台", "夕阳西下几时回", "无可奈何花落去");
        Path model = TinyModel.write(dir, ModelKind.VAE, lines, 8, 3);
        Path corpus = dir.resolve("lines.txt");
        java.nio.file.Files.write(corpus, lines);
        CommandLineTest.Outcome measured =
                CommandLineTest.run(
                        "ci",
                        "--measure",
                        "3",
                        "--tunes",
                        "2",
                        "--model",
                        model.toString(),
                        "--corpus",
                        corpus.toString());
        assertEquals(0, measured.exitCode(), measured.err());
        List<String> rows =
                measured.out()
                        .lines()
                        .filter(l -> l.startsWith("| ") && !l.startsWith("| tune"))
                        .toList();
        assertEquals(2, rows.size(), measured.out());
        assertTrue(rows.get(0).startsWith("| 浣溪沙 | 6 | "), rows.get(0));
        assertTrue(
                rows.get(0).contains("| 100.0% |"),
                "every rhyming line in its group: " + rows.get(0));
    }
}
