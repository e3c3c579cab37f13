package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.model.ModelFiles;

/**
 * Every command that writes a file keeps an existing one unless told {@code --force}, never writes
 * over one of its own inputs, and finds an unwritable folder before its work, not after.
 */
class OutputFileTest {

    @Test
    void vocabBuildKeepsAnExistingFileAndNeverReplacesItsCorpus(@TempDir Path dir)
            throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(dir);
        byte[] lines = Files.readAllBytes(corpus);
        Path vocab = dir.resolve("v.json");
        Files.writeString(vocab, "mine");

        assertRefused(2, "--force", run("vocab", "build", "--corpus", corpus, "--out", vocab));
        assertEquals("mine", Files.readString(vocab));
        assertRefused(
                2, "input", run("vocab", "build", "--corpus", corpus, "--out", corpus, "--force"));
        assertArrayEquals(lines, Files.readAllBytes(corpus));

        assertEquals(
                0, run("vocab", "build", "--corpus", corpus, "--out", vocab, "--force").exitCode());
        assertTrue(Files.readString(vocab).contains("<unk>"));
    }

    @Test
    void evalChecksItsOutputBeforeScoring(@TempDir Path dir) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(dir);
        byte[] lines = Files.readAllBytes(corpus);
        Path csv = Files.writeString(dir.resolve("eval.csv"), "mine");

        CommandLineTest.Outcome existing = run("eval", "--corpus", corpus, "--out", csv);
        assertRefused(2, "--force", existing);
        assertEquals("", existing.out(), "refused before any table is printed");
        assertEquals("mine", Files.readString(csv));
        assertRefused(2, "input", run("eval", "--corpus", corpus, "--out", corpus, "--force"));
        assertArrayEquals(lines, Files.readAllBytes(corpus));
        assertRefused(2, "folder", run("eval", "--corpus", corpus, "--out", dir));
        assertRefused(
                5, "is a file", run("eval", "--corpus", corpus, "--out", corpus.resolve("x.csv")));
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        CommandLineTest.Outcome proc = run("eval", "--corpus", corpus, "--out", "/proc/x.csv");
        assertRefused(5, "cannot create files in /proc (no such file or folder)", proc);
        assertEquals("", proc.out());
    }

    @Test
    void evalGivenACheckpointsFolderWritesIntoItsRunFolder(@TempDir Path dir) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(dir);
        Path checkpoints = Files.createDirectories(dir.resolve("run/checkpoints"));
        Files.copy(packedModel(), checkpoints.resolve("best.ckpt"));
        CommandLineTest.Outcome outcome =
                run(
                        "eval",
                        "--model",
                        checkpoints,
                        "--corpus",
                        corpus,
                        "--split",
                        "train",
                        "--iw-samples",
                        "2",
                        "--samples",
                        "4");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(Files.exists(dir.resolve("run/eval-train.csv")), outcome.out());
        assertTrue(Files.exists(dir.resolve("run/plot-latent-pca.png")), outcome.out());
        assertEquals(1, checkpoints.toFile().list().length, "only best.ckpt in checkpoints");
    }

    @Test
    void evalChecksTheRunsPlotBeforeItsWork(@TempDir Path dir) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(dir);
        Path checkpoints = Files.createDirectories(dir.resolve("run/checkpoints"));
        Files.copy(packedModel(), checkpoints.resolve("best.ckpt"));
        Files.createDirectories(dir.resolve("run/plot-latent-pca.png"));
        CommandLineTest.Outcome outcome =
                run("eval", "--model", dir.resolve("run"), "--corpus", corpus, "--split", "train");
        assertRefused(2, "plot-latent-pca.png is a folder", outcome);
        assertFalse(Files.exists(dir.resolve("run/eval-train.csv")), "no work before the refusal");
    }

    @Test
    void exportAndAverageNeverWriteOverTheRunTheyRead(@TempDir Path dir) throws Exception {
        Path checkpoints = Files.createDirectories(dir.resolve("run/checkpoints"));
        Path best = Files.copy(packedModel(), checkpoints.resolve("best.ckpt"));
        Path last = Files.copy(packedModel(), checkpoints.resolve("last.ckpt"));
        Path link = Files.createSymbolicLink(dir.resolve("link.ckpt"), best);
        long size = Files.size(last);
        Path run = dir.resolve("run");

        assertRefused(2, "--force", run("export", "--model", run, "--out", last));
        assertRefused(2, "input", run("export", "--model", run, "--out", best, "--force"));
        assertRefused(2, "input", run("export", "--model", best, "--out", link, "--force"));
        assertRefused(2, "input", run("average", "--out", best, "--force", best));
        assertRefused(2, "input", run("average", "--out", best, "--force", last, run));
        assertEquals(size, Files.size(best));
        assertEquals(size, Files.size(last));

        assertRefused(2, "an empty --out", run("export", "--model", run, "--out", ""));
        Path mine = Files.writeString(dir.resolve("mine.ckpt"), "mine");
        assertRefused(2, "--force", run("average", "--out", mine, best));
        assertEquals(0, run("export", "--model", run, "--out", mine, "--force").exitCode());
        assertTrue(Files.size(mine) > 1000);

        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        CommandLineTest.Outcome proc = run("export", "--model", run, "--out", "/proc/x.ckpt");
        assertRefused(5, "/proc (no such file or folder)", proc);
        assertFalse(proc.err().contains("resume"), "no training advice: " + proc.err());
    }

    @Test
    void averageCountsEachCheckpointOnceAndKeepsARunResumable(@TempDir Path dir) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(dir);
        Path vocab = dir.resolve("v.json");
        run("vocab", "build", "--corpus", corpus, "--out", vocab);
        Path run = dir.resolve("run");
        CommandLineTest.Outcome trained =
                run(
                        "--threads",
                        "1",
                        "train",
                        "--corpus",
                        corpus,
                        "--vocab",
                        vocab,
                        "--out",
                        run,
                        "--embedding",
                        "8",
                        "--hidden",
                        "8",
                        "--latent",
                        "2",
                        "--batch-size",
                        "4",
                        "--epochs",
                        "1",
                        "--no-progress");
        assertEquals(0, trained.exitCode(), trained.err());
        Path last = run.resolve("checkpoints").resolve("last.ckpt");
        Path best = run.resolve("checkpoints").resolve("best.ckpt");
        byte[] before = Files.readAllBytes(last);

        assertRefused(2, "given twice", run("average", "--out", dir.resolve("m.ckpt"), best, best));
        Path symbolic = Files.createSymbolicLink(dir.resolve("alias.ckpt"), best);
        Path hard = Files.createLink(dir.resolve("hard.ckpt"), best);
        for (Path alias : List.of(symbolic, hard)) {
            assertRefused(
                    2,
                    best + " and " + alias + " are the same checkpoint file",
                    run("average", "--out", dir.resolve("m.ckpt"), best, alias));
        }
        assertRefused(2, "resumable", run("average", "--out", last, "--force", best));
        assertArrayEquals(before, Files.readAllBytes(last));
        Path mine = Files.copy(packedModel(), dir.resolve("mine.ckpt"));
        assertEquals(0, run("average", "--out", mine, "--force", best, last).exitCode());
    }

    @Test
    void compareAndCorpusImportKeepExistingFiles(@TempDir Path dir) throws Exception {
        Path corpus = CommandLineTest.tinyCorpus(dir);
        Path markdown = Files.writeString(dir.resolve("compare.md"), "mine");
        assertRefused(
                2,
                "--force",
                run("compare", "--runs", "a", "b", "--corpus", corpus, "--out", markdown));
        assertEquals("mine", Files.readString(markdown));
        // The pictures beside the Markdown are kept too, before any run is read.
        Path picture = Files.writeString(dir.resolve("compare-b.png"), "mine");
        Path fresh = dir.resolve("fresh.md");
        assertRefused(
                2,
                picture + " exists; pass --force",
                run("compare", "--runs", "a", "b", "--corpus", corpus, "--out", fresh));
        assertRefused(
                2, "--force", run("compare", "--runs", "b", "--corpus", corpus, "--plots", dir));
        assertEquals("mine", Files.readString(picture));
        assertFalse(Files.exists(fresh));
        assertRefused(
                4,
                "a",
                run("compare", "--runs", "a", "b", "--corpus", corpus, "--out", fresh, "--force"));

        Path corpora = Files.createDirectories(dir.resolve("corpora"));
        Path tang = Files.writeString(corpora.resolve("tang.csv.gz"), "mine");
        assertRefused(
                2,
                "--force",
                run("corpus", "import", "--package", dir.resolve("none.tgz"), "--out", corpora));
        assertEquals("mine", Files.readString(tang));
    }

    @Test
    void benchChecksItsModelJarAndOutputUpFront(@TempDir Path dir) throws Exception {
        assertRefused(4, "nothing", run("bench", "--model", dir.resolve("nothing")));
        assertRefused(5, "--jar", run("bench", "--jar", dir.resolve("nothing.jar")));
        Path csv = Files.writeString(dir.resolve("bench.csv"), "mine");
        assertRefused(2, "--force", run("bench", "--out", csv));
        assertEquals("mine", Files.readString(csv));
    }

    private static Path packedModel() throws Exception {
        return Path.of(ModelFiles.class.getResource(ModelFiles.DEFAULT_MODEL_RESOURCE).toURI());
    }

    private static CommandLineTest.Outcome run(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        return CommandLineTest.run(strings);
    }

    private static void assertRefused(int code, String says, CommandLineTest.Outcome outcome) {
        assertEquals(code, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertTrue(outcome.err().contains(says), outcome.err());
    }
}
