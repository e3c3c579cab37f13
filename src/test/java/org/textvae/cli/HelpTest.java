package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, at every depth, answers {@code --help} with its usage and a summary line. */
class HelpTest {

    /** Space-separated paths of every subcommand, found from the command tree itself. */
    private static List<String> commandPaths(
            CommandLine command, String prefix, List<String> into) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            String path = (prefix + " " + entry.getKey()).strip();
            into.add(path);
            commandPaths(entry.getValue(), path, into);
        }
        return into;
    }

    @Test
    void everyCommandAnswersHelp() {
        List<String> paths = commandPaths(new CommandLine(new Main()), "", new ArrayList<>());
        assertTrue(paths.size() >= 14, "found only " + paths);
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            CommandLineTest.Outcome outcome = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(0, outcome.exitCode(), path + " --help: " + outcome.err());
            assertTrue(
                    outcome.out().startsWith("Usage: textvae " + path),
                    path + ": " + outcome.out());
        }
    }

    @Test
    void everyHelpFormatsWithoutWarnings() {
        // picocli runs each description through String.format: a bare '%' makes it warn on
        // stderr at every --help and show the text raw.
        CommandLine root = new CommandLine(new Main());
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String path : commandPaths(root, "", new ArrayList<>())) {
                CommandLine command = root;
                for (String name : path.split(" ")) {
                    command = command.getSubcommands().get(name);
                }
                command.getUsageMessage();
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySummaryLineIsAWholeSentence() {
        // The command list shows each description's first line: it must not stop mid-sentence.
        CommandLine root = new CommandLine(new Main());
        for (String path : commandPaths(root, "", new ArrayList<>())) {
            CommandLine command = root;
            for (String name : path.split(" ")) {
                command = command.getSubcommands().get(name);
            }
            String[] description = command.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, path + " has no description");
            String first = description[0].strip();
            assertTrue(first.endsWith("."), path + ": summary cut mid-sentence: " + first);
        }
    }
}
