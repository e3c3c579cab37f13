package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that would run away (threads, lines, steps) or decode nonsense are refused with exit 2
 * before any model is loaded or engine started.
 */
class OptionBoundsTest {

    @Test
    void tooManyThreadsAreRefusedBeforeTheEngineStarts() {
        // --version: even if the bound were missing, nothing would start the threads.
        CommandLineTest.Outcome outcome =
                CommandLineTest.run(
                        "--threads", Integer.toString(Main.maxThreads() + 1), "--version");
        assertUsageError(outcome, "--threads must be at most " + Main.maxThreads());
    }

    @Test
    void temperaturesThatCannotDecodeAreRefused() {
        for (String temperature : new String[] {"Infinity", "-Infinity", "NaN", "1e39", "1e-38"}) {
            assertUsageError(
                    CommandLineTest.run("generate", "--temperature", temperature),
                    "temperature must be 0 (greedy) or between 0.0001 and 10000");
        }
    }

    @Test
    void qualityNeedsABatchOfSamplesAndHeldOutLines(@TempDir Path directory) throws Exception {
        assertUsageError(
                CommandLineTest.run("quality", "--samples", "99"),
                "--samples must be at least 100");
        assertUsageError(
                CommandLineTest.run("quality", "--samples", "1000001", "--pairs", "0"),
                "--samples must be at most 1,000,000");
        assertUsageError(
                CommandLineTest.run("quality", "--pairs", "100001"),
                "--pairs must be at most 100,000");
        // A plain-text corpus is all training data: nothing to interpolate between.
        Path corpus = CommandLineTest.tinyCorpus(directory);
        CommandLineTest.Outcome outcome =
                CommandLineTest.run("quality", "--corpus", corpus.toString(), "--samples", "100");
        assertEquals(3, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("has no held-out lines"), outcome.err());
    }

    @Test
    void runawayCountsAreRefusedNamingTheBound() {
        // --max-length 0: were the bound missing, the run would stop at once on that instead.
        assertUsageError(
                CommandLineTest.run("generate", "-n", "1000001", "--max-length", "0"),
                "--count must be at most 1,000,000");
        assertUsageError(
                CommandLineTest.run("generate", "--beam", "17", "--max-length", "0"),
                "--beam must be at most 16");
        assertUsageError(
                CommandLineTest.run("poem", "--form", "5", "--lines", "1001"),
                "--lines must be at most 1,000");
        // Zero lines were refused by the library with the bound of another count (1,000,000).
        assertUsageError(
                CommandLineTest.run("poem", "--form", "5", "--lines", "0"),
                "--lines must be at least 1, got 0");
        for (String steps : new String[] {"1", "1001"}) {
            assertUsageError(
                    CommandLineTest.run("interpolate", "春眠", "不覺", "--steps", steps),
                    "--steps must be between 2 and 1000");
        }
    }

    @Test
    void evalAndCompareBoundThePriorSamplesTheyHoldAtOnce() {
        // --iw-samples 0: were the bound missing, that would be refused instead.
        assertUsageError(
                CommandLineTest.run("eval", "--samples", "1000001", "--iw-samples", "0"),
                "--samples must be at most 1,000,000");
        assertUsageError(
                CommandLineTest.run(
                        "compare", "--runs", "a", "--samples", "1000001", "--iw-samples", "0"),
                "--samples must be at most 1,000,000");
        assertUsageError(
                CommandLineTest.run("eval", "--iw-samples", "100001"),
                "--iw-samples must be at most 100,000");
        assertUsageError(
                CommandLineTest.run("compare", "--runs", "a", "--iw-samples", "100001"),
                "--iw-samples must be at most 100,000");
    }

    @Test
    void numbersOutOfRangeAreRefusedNamingTheOptionAsTyped(@TempDir Path directory) {
        // Checked before --corpus and --vocab are read, so neither needs to exist.
        String[][] cases = {
            {"--epochs", "0", "--epochs must be at least 1, got 0"},
            {"--log-every", "0", "--log-every must be at least 1, got 0"},
            {"--batch-size", "0", "--batch-size must be at least 1, got 0"},
            {"--latent", "0", "--latent must be at least 1, got 0"},
            {"--max-steps", "-1", "--max-steps must be 0 (off) or more, got -1"},
            {"--lr", "0", "--lr must be above 0, got 0.0"},
        };
        Path run = directory.resolve("run");
        for (String[] c : cases) {
            assertUsageError(
                    CommandLineTest.run(
                            "train",
                            "--corpus",
                            "c.txt",
                            "--vocab",
                            "v.json",
                            "--out",
                            run.toString(),
                            c[0],
                            c[1]),
                    c[2]);
        }
        assertFalse(run.toFile().exists());
        assertUsageError(
                CommandLineTest.run("generate", "--max-length", "0"),
                "--max-length must be at least 1, got 0");
    }

    @Test
    void aMistypedCommandOrOptionIsAnsweredWithTheNearestOne() {
        assertUsageError(CommandLineTest.run("generat"), "did you mean generate?");
        assertUsageError(CommandLineTest.run("poem", "--seeed", "3"), "did you mean --seed?");
        CommandLineTest.Outcome nothingLike = CommandLineTest.run("qqqqqqqq");
        assertEquals(2, nothingLike.exitCode());
        assertFalse(nothingLike.err().contains("did you mean"), nothingLike.err());
    }

    @Test
    void everyCommandsHelpNamesTheExitCodes() {
        String[][] commands = {
            {"poem"}, {"train"}, {"vocab", "build"}, {"corpus", "import"}, {"eval"}
        };
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CommandLineTest.Outcome help = CommandLineTest.run(args);
            assertEquals(0, help.exitCode(), help.err());
            assertTrue(help.out().contains("Exit codes: 0 success"), String.join(" ", command));
            assertEquals(1, help.out().split("Exit codes:", -1).length - 1, "once");
        }
    }

    static void assertUsageError(CommandLineTest.Outcome outcome, String message) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
    }
}
