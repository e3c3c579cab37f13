package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
    void aMissingCorpusFailsBeforeAnyPictureIsWritten(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("metrics.csv"),
                "phase,step,epoch,beta,reconstruction,kl,loss,perplexity,active_units,grad_norm,"
                        + "tokens_per_s,seconds,tc,discriminator_loss\n"
                        + "train,1,0,0.1,50,2,50.2,,,3,1000,0.1,,\n"
                        + "train,2,0,0.2,40,3,40.6,,,3,1000,0.2,,\n"
                        + "valid,2,1,0.2,45,3,48,30,4,,,0.3,,\n");
        CommandLineTest.Outcome outcome =
                CommandLineTest.run(
                        "plot",
                        "--run",
                        dir.toString(),
                        "--corpus",
                        dir.resolve("missing.txt").toString());
        assertEquals(5, outcome.exitCode(), outcome.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("metrics.csv"),
                    files.map(f -> f.getFileName().toString()).toList(),
                    "no picture");
        }
    }

    @Test
    void aPlotThatCannotBeDrawnYetIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("metrics.csv"),
                "phase,step,epoch,beta,reconstruction,kl,loss,perplexity,active_units,grad_norm,"
                        + "tokens_per_s,seconds,tc,discriminator_loss\n"
                        + "valid,2,1,0.2,45,3,48,30,4,,,0.3,,\n");
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(
                outcome.out().contains("no plot-training.png: metrics.csv has no train rows yet"),
                outcome.out());
        assertTrue(Files.exists(dir.resolve("plot-validation.png")));
    }

    @Test
    void aDivergedRunIsDrawnWithoutItsNonFiniteRowsAndSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("metrics.csv"),
                "phase,step,epoch,beta,reconstruction,kl,loss,perplexity,active_units,grad_norm,"
                        + "tokens_per_s,seconds,tc,discriminator_loss\n"
                        + "train,1,0,0.1,50,2,50.2,,,3,1000,0.1,,\n"
                        + "train,2,0,0.2,40,3,40.6,,,3,1000,0.2,,\n"
                        + "valid,2,1,0.2,45,3,48,30,4,,,0.3,,\n"
                        + "train,45,1,0.2,Infinity,3,Infinity,,,3,1000,0.4,,\n"
                        + "train,46,1,0.2,NaN,NaN,NaN,,,3,1000,0.5,,\n"
                        + "valid,46,2,0.2,Infinity,NaN,Infinity,Infinity,4,,,0.6,,\n");
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(Files.exists(dir.resolve("plot-training.png")));
        assertTrue(Files.exists(dir.resolve("plot-validation.png")));
        assertTrue(
                outcome.out()
                        .contains(
                                "3 rows of metrics.csv hold Infinity/NaN or nothing (from step"
                                        + " 45): not drawn"),
                outcome.out());
    }

    @Test
    void aChartWithOnlyNonFiniteRowsIsNamedAndTheOtherStillDrawn(@TempDir Path dir)
            throws Exception {
        Files.writeString(
                dir.resolve("metrics.csv"),
                "phase,step,epoch,beta,reconstruction,kl,loss,perplexity,active_units,grad_norm,"
                        + "tokens_per_s,seconds,tc,discriminator_loss\n"
                        + "train,1,0,0.1,50,2,50.2,,,3,1000,0.1,,\n"
                        + "valid,1,1,0.2,NaN,NaN,NaN,NaN,4,,,0.3,,\n");
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(Files.exists(dir.resolve("plot-training.png")));
        assertTrue(
                outcome.out().contains("no plot-validation.png: every row for it holds"),
                outcome.out());
    }

    @Test
    void binaryMetricsAreNamedAsSuch(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("metrics.csv"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        CommandLineTest.Outcome outcome = plot(dir);
        assertEquals(3, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("is not a metrics.csv"), outcome.err());
    }
}
