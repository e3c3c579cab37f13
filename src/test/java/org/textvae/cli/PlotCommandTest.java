package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code textvae plot} on folders that are not, or not yet, usable runs: one line, right code. */
class PlotCommandTest {

    private static CommandLineTest.Outcome plot(Path run) {
        return CommandLineTest.run("plot", "--run", run.toString());
    }

    @Test
    void aFolderWithoutMetricsIsNotARun(@TempDir Path dir) {
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(4, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("is not a run folder"), outcome.err());
    }

    @Test
    void metricsWithoutRowsSayThereIsNothingToPlot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.csv"), "phase,step,epoch,beta\n");
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(3, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("has no rows yet"), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    @Test
    void binaryMetricsAreNamedAsSuch(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("metrics.csv"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(3, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("is not a metrics.csv"), outcome.err());
    }
}
