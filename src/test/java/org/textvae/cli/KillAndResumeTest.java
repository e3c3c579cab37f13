package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL in the middle of its run, then resumed, ends with the same
 * metrics as a run that was never interrupted, and its files stay readable throughout.
 */
class KillAndResumeTest {

    private static final String STEPS = "60";

    /**
     * metrics.csv's gradient-norm column: one step's norm over every weight, which magnifies the
     * last-bit differences above (seen: a relative 1.1e-3 at step 41 on a loaded machine, with
     * every loss column of that row within 1e-4), so it gets 1e-2. A broken resume moves the
     * losses, which keep 1e-4.
     */
    private static final int GRAD_NORM = 9;

    @Test
    void killedRunResumesToTheUninterruptedResult(@TempDir Path directory) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(directory);
        Path vocab = vocabulary(corpus, directory.resolve("v.json"));
        Path whole = directory.resolve("whole");
        Path killed = directory.resolve("killed");
        assertEquals(0, CommandLineTest.run(train(corpus, vocab, whole)).exitCode());

        Process process =
                new ProcessBuilder(command(train(corpus, vocab, killed)))
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("killed.log").toFile())
                        .start();
        // Kill once the run is well under way: after its first checkpoints are on disk.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && trainRows(killed) < 25 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor();
        int rowsAtKill = trainRows(killed); // still parseable after the kill
        assertTrue(rowsAtKill < Integer.parseInt(STEPS), "killed before the end: " + rowsAtKill);

        // Resumed in a process of its own, as a user would, so its whole output can be checked.
        Path resumeLog = directory.resolve("resume.log");
        Process resume =
                new ProcessBuilder(
                                command(
                                        new String[] {
                                            "--threads",
                                            "1",
                                            "train",
                                            "--resume",
                                            killed.toString(),
                                            "--no-progress"
                                        }))
                        .redirectErrorStream(true)
                        .redirectOutput(resumeLog.toFile())
                        .start();
        assertTrue(resume.waitFor(120, TimeUnit.SECONDS), "resume finished");
        String output = Files.readString(resumeLog);
        assertEquals(0, resume.exitValue(), output);
        // PyTorch's deprecation warning used to be printed on every resume.
        assertFalse(output.contains("Warning"), output);
        List<String[]> expected = rows(whole);
        List<String[]> actual = rows(killed);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int column = 0; column < 10; column++) {
                assertSameFigure(
                        expected.get(i)[column],
                        actual.get(i)[column],
                        "row " + i + " column " + column,
                        column == GRAD_NORM ? 1e-2 : 1e-4);
            }
        }
    }

    @Test
    void aTermSignalStopsTheRunBetweenStepsWithoutACrash(@TempDir Path directory) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(directory);
        Path vocab = vocabulary(corpus, directory.resolve("v.json"));
        Path run = directory.resolve("signalled");
        Path log = directory.resolve("signalled.log");
        String[] args = train(corpus, vocab, run);
        args[Arrays.asList(args).indexOf("--max-steps") + 1] = "100000";
        Process process =
                new ProcessBuilder(command(args))
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && trainRows(run) < 25 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.destroy(); // SIGTERM, as kill sends it
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped");
        String output = Files.readString(log);
        assertTrue(output.contains("stopped by a signal after step"), output);
        try (var files = Files.list(directory)) {
            assertTrue(
                    files.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")),
                    "no JVM crash report");
        }
        assertEquals(143, process.exitValue(), "the exit status of a TERM signal");
    }

    @Test
    void aSignalSavesTheStepReachedSoResumeLosesNothing(@TempDir Path directory) throws Exception {
        Path corpus = directory.resolve("long.txt");
        // An epoch of about 2,400 steps and no periodic checkpoints: without the save on the
        // signal, nothing would be on disk to resume from.
        Files.write(
                corpus,
                Collections.nCopies(200, Files.readString(CommandLineTest.tinyCorpus(directory))));
        Path vocab = vocabulary(corpus, directory.resolve("v.json"));
        Path run = directory.resolve("early");
        Path log = directory.resolve("early.log");
        String[] args = train(corpus, vocab, run);
        args[Arrays.asList(args).indexOf("--checkpoint-every") + 1] = "0";
        args[Arrays.asList(args).indexOf("--max-steps") + 1] = "100000";
        Process process =
                new ProcessBuilder(command(args))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && trainRows(run) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped");
        String output = Files.readString(log);
        Matcher stopped =
                Pattern.compile("stopped by a signal after step ([\\d,]+)").matcher(output);
        assertTrue(stopped.find(), output);
        long step = Long.parseLong(stopped.group(1).replace(",", ""));
        assertTrue(step >= 3, output);
        assertTrue(Files.exists(run.resolve("checkpoints").resolve("last.ckpt")), output);
        assertTrue(output.contains("--resume continues from there"), output);

        CommandLineTest.Outcome resumed =
                CommandLineTest.run(
                        "--threads",
                        "1",
                        "train",
                        "--resume",
                        run.toString(),
                        "--max-steps",
                        String.valueOf(step + 2),
                        "--no-progress");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(
                (resumed.out() + resumed.err())
                        .contains(String.format("resuming at step %,d", step)),
                resumed.out() + resumed.err());
    }

    @Test
    void aLiveRunRefusesASecondWriterAndItsKillLeavesNoStaleLock(@TempDir Path directory)
            throws Exception {
        Path corpus = directory.resolve("long.txt");
        Files.write(
                corpus,
                Collections.nCopies(200, Files.readString(CommandLineTest.tinyCorpus(directory))));
        Path vocab = vocabulary(corpus, directory.resolve("v.json"));
        Path run = directory.resolve("busy");
        String[] args = train(corpus, vocab, run);
        args[Arrays.asList(args).indexOf("--checkpoint-every") + 1] = "1";
        args[Arrays.asList(args).indexOf("--max-steps") + 1] = "100000";
        Process live =
                new ProcessBuilder(command(args))
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("busy.log").toFile())
                        .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (live.isAlive()
                && !Files.exists(run.resolve("checkpoints").resolve("last.ckpt"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(live.isAlive(), Files.readString(directory.resolve("busy.log")));
        CommandLineTest.Outcome second =
                CommandLineTest.run(
                        "train", "--resume", run.toString(), "--max-steps", "9", "--no-progress");
        assertEquals(2, second.exitCode(), second.err());
        assertTrue(second.err().contains("run folder " + run + " is in use"), second.err());
        assertTrue(second.err().contains("(pid " + live.pid() + ")"), second.err());
        assertEquals(1, second.err().strip().lines().count(), second.err());
        assertFalse(Files.readString(run.resolve("train.log")).contains("resuming"));

        live.destroyForcibly().waitFor(); // SIGKILL: the system releases the lock
        CommandLineTest.Outcome after =
                CommandLineTest.run(
                        "--threads",
                        "1",
                        "train",
                        "--resume",
                        run.toString(),
                        "--max-steps",
                        "1",
                        "--no-progress");
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.err().contains("nothing to train"), after.err());
    }

    @Test
    void aRunWithRelativePathsResumesFromAnotherFolder(@TempDir Path directory) throws Exception {
        Path started = Files.createDirectories(directory.resolve("project"));
        Files.copy(CommandLineTest.tinyCorpus(directory), started.resolve("lines.txt"));
        vocabulary(started.resolve("lines.txt"), started.resolve("v.json"));
        String[] args = train(Path.of("lines.txt"), Path.of("v.json"), Path.of("runs", "r"));
        args[Arrays.asList(args).indexOf("--max-steps") + 1] = "5";
        assertEquals(0, runIn(started, args), Files.readString(started.resolve("run.log")));
        String[] resume = {
            "--threads",
            "1",
            "train",
            "--resume",
            "project/runs/r",
            "--max-steps",
            "8",
            "--no-progress"
        };
        // From the folder above: config.json says lines.txt, which is not there.
        assertEquals(0, runIn(directory, resume), Files.readString(directory.resolve("run.log")));
        assertTrue(Files.readString(directory.resolve("run.log")).contains("resuming at step 5"));
        assertEquals(8, trainRows(started.resolve("runs").resolve("r")));
    }

    /**
     * Runs the program in a child process working in {@code folder}; its output goes to run.log.
     */
    private static int runIn(Path folder, String[] args) throws Exception {
        Process process =
                new ProcessBuilder(command(args))
                        .directory(folder.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(folder.resolve("run.log").toFile())
                        .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return process.exitValue();
    }

    private static Path vocabulary(Path corpus, Path out) {
        CommandLineTest.Outcome built =
                CommandLineTest.run(
                        "vocab", "build", "--corpus", corpus.toString(), "--out", out.toString());
        assertEquals(0, built.exitCode(), built.err());
        return out;
    }

    /**
     * Equal text, or numbers equal to float rounding: on AVX-512 machines MKL's sums can depend on
     * how arrays happen to be aligned, so two processes may differ in the last bits (seen: a
     * relative 7e-6 after a few steps). A broken resume (another data order, lost Adam moments or
     * annealing position) is off by far more.
     */
    private static void assertSameFigure(
            String expected, String actual, String where, double relative) {
        if (expected.equals(actual)) {
            return;
        }
        double a = Double.parseDouble(expected);
        double b = Double.parseDouble(actual);
        double tolerance = relative * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;
        assertTrue(Math.abs(a - b) <= tolerance, where + ": " + expected + " vs " + actual);
    }

    private static String[] train(Path corpus, Path vocab, Path out) {
        return new String[] {
            "--threads",
            "1",
            "train",
            "--corpus",
            corpus.toString(),
            "--vocab",
            vocab.toString(),
            "--out",
            out.toString(),
            "--embedding",
            "16",
            "--hidden",
            "16",
            "--latent",
            "4",
            "--batch-size",
            "2",
            "--max-steps",
            STEPS,
            "--epochs",
            "50",
            "--log-every",
            "1",
            "--checkpoint-every",
            "7",
            "--no-progress"
        };
    }

    /** The same program in a separate JVM, so that it can really be killed. */
    private static List<String> command(String[] args) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static int trainRows(Path run) throws Exception {
        return Files.exists(run.resolve("metrics.csv"))
                ? (int) rows(run).stream().filter(row -> row[0].equals("train")).count()
                : 0;
    }

    private static List<String[]> rows(Path run) throws Exception {
        try (Reader reader = Files.newBufferedReader(run.resolve("metrics.csv"));
                CSVReader csv = new CSVReader(reader)) {
            List<String[]> rows = csv.readAll();
            assertTrue(rows.size() >= 1, "metrics.csv keeps its header");
            return rows;
        }
    }
}
