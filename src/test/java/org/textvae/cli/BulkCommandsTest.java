package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;

/**
 * {@code reconstruct --input} and {@code interpolate --input} on a tiny model: the lines of the
 * positional forms, in input order, as plain lines or JSON Lines, and bad input refused before
 * anything is printed.
 */
class BulkCommandsTest {

    private static final List<String> LINES = List.of("春眠不覺曉", "處處聞啼鳥", "夜來風雨聲", "花落知多少");

    @TempDir static Path directory;
    private static String model;

    @BeforeAll
    static void writeModel() {
        model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 3).toString();
    }

    private static String write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text).toString();
    }

    @Test
    void reconstructInputPrintsThePositionalLinesAndReportsSkippedAndUnknown() throws Exception {
        String file = write("lines.txt", "春眠不覺曉\n\n夜來風雨聲\n   \n花落龘多少\n");
        CommandLineTest.Outcome bulk =
                CommandLineTest.run("reconstruct", "--model", model, "--input", file);
        assertEquals(0, bulk.exitCode(), bulk.err());
        CommandLineTest.Outcome positional =
                CommandLineTest.run("reconstruct", "--model", model, "春眠不覺曉", "夜來風雨聲", "花落龘多少");
        // Raw lines: the untrained model may decode a line as nothing, which is still a line.
        assertEquals(3, rawLines(bulk).size());
        assertEquals(rawLines(positional), rawLines(bulk));
        assertEquals(
                List.of(
                        "textvae: skipped empty lines 2, 4 of " + file,
                        "textvae: not in the vocabulary, read as <unk>: 龘 (" + file + " line 5)"),
                bulk.err().lines().toList());
    }

    @Test
    void reconstructFromStandardInputAsJsonLinesMarksUnknownCharacters() {
        CommandLineTest.Outcome plain =
                withStdin(
                        "春眠不覺曉\n\n花落龘多少\n",
                        () -> CommandLineTest.run("reconstruct", "--model", model, "--input", "-"));
        CommandLineTest.Outcome json =
                withStdin(
                        "春眠不覺曉\n\n花落龘多少\n",
                        () ->
                                CommandLineTest.run(
                                        "reconstruct", "--model", model, "--input", "-", "--json"));
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.err().contains("(standard input line 3)"), json.err());
        List<JsonObject> objects =
                rawLines(json).stream()
                        .map(l -> JsonParser.parseString(l).getAsJsonObject())
                        .toList();
        assertEquals(2, objects.size());
        assertEquals(1, objects.get(0).get("line").getAsInt());
        assertEquals("春眠不覺曉", objects.get(0).get("input").getAsString());
        assertEquals(0, objects.get(0).getAsJsonArray("unknown").size());
        assertEquals(3, objects.get(1).get("line").getAsInt());
        assertEquals("龘", objects.get(1).getAsJsonArray("unknown").get(0).getAsString());
        for (int i = 0; i < 2; i++) {
            assertEquals(rawLines(plain).get(i), objects.get(i).get("output").getAsString());
        }
    }

    @Test
    void interpolateInputPrintsEachPathThenABlankLineOrOneJsonArrayPerPair() throws Exception {
        String file = write("pairs.tsv", "春眠不覺曉\t花落知多少\n\n處處聞啼鳥\t夜來風雨聲\n");
        CommandLineTest.Outcome plain =
                CommandLineTest.run(
                        "interpolate", "--model", model, "--input", file, "--steps", "3");
        assertEquals(0, plain.exitCode(), plain.err());
        List<String> expected = new ArrayList<>();
        expected.addAll(pathOf("春眠不覺曉", "花落知多少"));
        expected.add("");
        expected.addAll(pathOf("處處聞啼鳥", "夜來風雨聲"));
        assertEquals(expected, rawLines(plain));
        assertEquals("textvae: skipped empty line 2 of " + file, plain.err().strip());

        CommandLineTest.Outcome json =
                CommandLineTest.run(
                        "interpolate", "--model", model, "--input", file, "--steps", "3", "--json");
        assertEquals(0, json.exitCode(), json.err());
        List<String> arrays = rawLines(json);
        assertEquals(2, arrays.size());
        JsonArray second = JsonParser.parseString(arrays.get(1)).getAsJsonArray();
        assertEquals(pathOf("處處聞啼鳥", "夜來風雨聲").get(2), second.get(2).getAsString());
        // The positional form keeps its one array.
        CommandLineTest.Outcome one =
                CommandLineTest.run(
                        "interpolate",
                        "--model",
                        model,
                        "春眠不覺曉",
                        "花落知多少",
                        "--steps",
                        "3",
                        "--json");
        assertEquals(arrays.get(0), one.out().strip());
    }

    private static List<String> pathOf(String from, String to) {
        return rawLines(
                CommandLineTest.run("interpolate", "--model", model, from, to, "--steps", "3"));
    }

    /** Every line printed, empty ones included. */
    private static List<String> rawLines(CommandLineTest.Outcome outcome) {
        return outcome.out().lines().toList();
    }

    @Test
    void badInputEndsInOneLineNamingTheLineAndPrintsNothing() throws Exception {
        String noTab = write("no-tab.tsv", "春眠不覺曉\t花落知多少\n處處聞啼鳥 夜來風雨聲\n");
        assertRefused(
                3,
                CommandLineTest.run("interpolate", "--model", model, "--input", noTab),
                noTab + " line 2: no tab");
        String tooLong = write("long.txt", "春眠不覺曉\n\n" + "春".repeat(41) + "\n");
        assertRefused(
                3,
                CommandLineTest.run("reconstruct", "--model", model, "--input", tooLong),
                tooLong + " line 3: the line has 41 tokens");
        String missing = directory.resolve("missing.txt").toString();
        assertRefused(
                5,
                CommandLineTest.run("reconstruct", "--model", model, "--input", missing),
                missing);
        assertRefused(
                5, CommandLineTest.run("interpolate", "--input", missing, "--steps", "3"), missing);
    }

    @Test
    void argumentsAndInputTogetherOrNeitherAreUsageErrors() throws Exception {
        String file = write("one.txt", "春眠不覺曉\n");
        assertRefused(
                2,
                CommandLineTest.run("reconstruct", "--model", model, "--input", file, "春眠"),
                "not both");
        assertRefused(
                2,
                CommandLineTest.run("interpolate", "--model", model, "--input", file, "春眠"),
                "not both");
        assertRefused(2, CommandLineTest.run("reconstruct", "--model", model), "or --input");
        assertRefused(2, CommandLineTest.run("interpolate", "--model", model, "春眠"), "or --input");
        String lm = TinyModel.write(directory, ModelKind.LM, LINES, 4, 3).toString();
        assertRefused(
                2,
                CommandLineTest.run("reconstruct", "--model", lm, "--input", file),
                "language model");
    }

    @Test
    void outputThatCannotBeWrittenEndsTheCommandWithExitFive() throws Exception {
        String file = write("to-nowhere.txt", "春眠不覺曉\n夜來風雨聲\n");
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(
                    new PrintStream(OutputStream.nullOutputStream(), true) {
                        @Override
                        public boolean checkError() {
                            return true; // as on a full disk or a closed pipe
                        }
                    });
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (String command : List.of("reconstruct", "interpolate")) {
                err.reset();
                String[] args = {command, "--model", model, "--input", file};
                if (command.equals("interpolate")) {
                    Files.writeString(Path.of(file), "春眠不覺曉\t夜來風雨聲\n");
                }
                assertEquals(5, Main.run(args), command);
                String message = err.toString(StandardCharsets.UTF_8);
                assertTrue(message.contains("cannot write to standard output"), message);
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static void assertRefused(int code, CommandLineTest.Outcome outcome, String message) {
        assertEquals(code, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.out(), "nothing printed");
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    private static CommandLineTest.Outcome withStdin(
            String text, java.util.function.Supplier<CommandLineTest.Outcome> run) {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return run.get();
        } finally {
            System.setIn(original);
        }
    }
}
