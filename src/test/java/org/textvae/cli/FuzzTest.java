package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated input must always end in an exit code and, for errors, a one-line message:
 * never an uncaught exception or a stack trace.
 */
class FuzzTest {

    private static final String[] COMMANDS = {
        "poem",
        "generate",
        "interpolate",
        "reconstruct",
        "vocab build",
        "train",
        "export",
        "average"
    };
    private static final String[] OPTIONS = {
        "--form",
        "--lines",
        "--seed",
        "-n",
        "--steps",
        "--temperature",
        "--top-k",
        "--beam",
        "--max-length",
        "--corpus",
        "--vocab",
        "--out",
        "--epochs",
        "--batch-size",
        "--lr",
        "--kl-schedule",
        "--beta",
        "--latent",
        "--min-frequency",
        "--segmentation",
        "--walk",
        "--json",
        "--slerp",
        "--threads"
    };
    private static final String[] VALUES = {
        "0",
        "-1",
        "7",
        "5",
        "999999999999",
        "NaN",
        "1e309",
        "",
        " ",
        "abc",
        "cyclical:0:2",
        "logistic:-5",
        "linear",
        "\u0000",
        "春眠不覺曉",
        "<unk>",
        "../nowhere",
        "--",
        "-"
    };

    @Test
    void randomCommandLinesEndInAnExitCodeWithoutStackTraces(@TempDir Path directory)
            throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(directory);
        Random random = new Random(20261121);
        for (int i = 0; i < 150; i++) {
            List<String> args =
                    new ArrayList<>(List.of(COMMANDS[random.nextInt(COMMANDS.length)].split(" ")));
            // Point every command at files that exist but are wrong for it, or at nothing.
            args.addAll(List.of("--model", random.nextBoolean() ? corpus.toString() : "missing"));
            int extra = random.nextInt(5);
            for (int j = 0; j < extra; j++) {
                args.add(OPTIONS[random.nextInt(OPTIONS.length)]);
                args.add(VALUES[random.nextInt(VALUES.length)]);
            }
            assertCleanEnd(args);
        }
    }

    @Test
    void mutatedCorpusFilesEndInAnExitCodeWithoutStackTraces(@TempDir Path directory)
            throws Exception {
        byte[] original = Files.readAllBytes(CommandLineTest.tinyCorpus(directory));
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            byte[] mutated = mutate(original, random);
            String suffix = i % 3 == 0 ? ".csv" : i % 3 == 1 ? ".txt" : ".csv.gz";
            Path corpus = directory.resolve("mutated" + i + suffix);
            Files.write(corpus, mutated);
            assertCleanEnd(
                    List.of(
                            "vocab",
                            "build",
                            "--corpus",
                            corpus.toString(),
                            "--out",
                            directory.resolve("v" + i + ".json").toString()));
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] copy = original.clone();
        int edits = 1 + random.nextInt(20);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(copy.length);
            switch (random.nextInt(4)) {
                case 0 -> copy[at] = (byte) random.nextInt(256);
                case 1 -> copy[at] = '"';
                case 2 -> copy[at] = ',';
                default -> copy[at] = '\n';
            }
        }
        if (random.nextInt(10) == 0) {
            return "text,split\n".getBytes(StandardCharsets.UTF_8);
        }
        return copy;
    }

    private static void assertCleanEnd(List<String> args) {
        CommandLineTest.Outcome outcome;
        try {
            outcome = CommandLineTest.run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new AssertionError("uncaught " + e + " for " + args, e);
        }
        assertFalse(
                outcome.err().contains("\tat "),
                args + " printed a stack trace:\n" + outcome.err());
        assertFalse(
                outcome.err().contains("textvae: unexpected error"), args + ":\n" + outcome.err());
        assertTrue(
                outcome.err().strip().lines().count() <= 3, args + " printed:\n" + outcome.err());
        if (outcome.exitCode() != 0) {
            assertTrue(!outcome.err().isBlank(), args + " failed silently");
        }
    }
}
