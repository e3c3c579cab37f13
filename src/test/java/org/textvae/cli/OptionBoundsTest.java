package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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

    static void assertUsageError(CommandLineTest.Outcome outcome, String message) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
    }
}
