package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.model.ModelFiles;
import org.textvae.vocab.Vocabulary;

/**
 * The real program, end to end on a tiny corpus: build a vocabulary, train, then use the run folder
 * with every generation command; and bad input ending in one line and its exit code.
 */
class CommandLineTest {

    /** What a command printed and returned. */
    record Outcome(int exitCode, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
        }
    }

    static Outcome run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Outcome(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    static Path tinyCorpus(Path directory) throws Exception {
        Path corpus = directory.resolve("poems.txt");
        Files.write(
                corpus,
                List.of(
                        "春眠不覺曉", "處處聞啼鳥", "夜來風雨聲", "花落知多少", "白日依山盡", "黃河入海流", "欲窮千里目", "更上一層樓",
                        "床前明月光", "疑是地上霜", "舉頭望明月", "低頭思故鄉", "紅豆生南國", "春來發幾枝", "願君多采擷", "此物最相思",
                        "千山鳥飛絕", "萬徑人蹤滅", "孤舟蓑笠翁", "獨釣寒江雪", "朝辭白帝彩雲間", "千里江陵一日還", "兩岸猿聲啼不住",
                        "輕舟已過萬重山"));
        return corpus;
    }

    @Test
    void vocabBuildLowercasesWordsWhenAsked(@TempDir Path directory) throws Exception {
        Path corpus = directory.resolve("english.txt");
        Files.write(corpus, List.of("The cat sat", "the Cat ran", "A dog", "a DOG sat"));
        Path cased = directory.resolve("cased.tokenizer.json");
        Path lowered = directory.resolve("lowered.tokenizer.json");
        Outcome keep =
                run("vocab", "build", "--corpus", corpus.toString(), "--out", cased.toString());
        Outcome lower =
                run(
                        "vocab",
                        "build",
                        "--corpus",
                        corpus.toString(),
                        "--out",
                        lowered.toString(),
                        "--lowercase");
        assertEquals(0, lower.exitCode(), lower.err());
        assertTrue(lower.out().contains("word segmentation, lowercased"), lower.out());
        assertFalse(keep.out().contains("lowercased"), keep.out());
        try (Vocabulary vocabulary = Vocabulary.load(lowered)) {
            assertTrue(vocabulary.lowercase());
            assertEquals(vocabulary.encode("the dog")[1], vocabulary.encode("THE Dog")[1]);
        }
    }

    @Test
    void trainThenUseTheRunFolderFromEveryCommand(@TempDir Path directory) throws Exception {
        Path corpus = tinyCorpus(directory);
        Path vocab = directory.resolve("tiny.tokenizer.json");
        Path run = directory.resolve("run");
        assertEquals(
                0,
                run("vocab", "build", "--corpus", corpus.toString(), "--out", vocab.toString())
                        .exitCode());
        Outcome trained =
                run(
                        "train",
                        "--corpus",
                        corpus.toString(),
                        "--vocab",
                        vocab.toString(),
                        "--out",
                        run.toString(),
                        "--embedding",
                        "16",
                        "--hidden",
                        "16",
                        "--latent",
                        "4",
                        "--batch-size",
                        "4",
                        "--epochs",
                        "2",
                        "--log-every",
                        "2",
                        "--no-progress");
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(Files.exists(run.resolve("checkpoints/best.ckpt")));
        String model = run.toString();

        Outcome poem = run("poem", "--model", model, "--seed", "3", "--form", "7");
        assertEquals(0, poem.exitCode(), poem.err());
        assertEquals(4, poem.lines().size());
        poem.lines().forEach(line -> assertEquals(7, line.codePointCount(0, line.length())));
        assertEquals(poem.out(), run("poem", "--model", model, "--seed", "3", "--form", "7").out());

        assertEquals(6, run("generate", "--model", model, "-n", "6").lines().size());
        assertEquals(
                5,
                run("interpolate", "春眠不覺曉", "獨釣寒江雪", "--steps", "5", "--model", model)
                        .lines()
                        .size());
        Outcome reconstructed = run("reconstruct", "春眠不覺龘", "夜來風雨聲", "--model", model);
        assertEquals(2, reconstructed.lines().size());
        assertTrue(reconstructed.err().contains("龘"), "the unknown character is reported");
        assertTrue(run("generate", "--model", model, "-n", "2", "--json").out().startsWith("["));

        Path csv = directory.resolve("eval.csv");
        Outcome evaluated =
                run(
                        "eval",
                        "--model",
                        model,
                        "--corpus",
                        corpus.toString(),
                        "--split",
                        "train",
                        "--iw-samples",
                        "4",
                        "--samples",
                        "6",
                        "--out",
                        csv.toString());
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        assertTrue(evaluated.out().contains("IW NLL"), evaluated.out());
        assertEquals(2, Files.readAllLines(csv).size(), "a header and one row");
        Path markdown = directory.resolve("compare.md");
        Outcome compared =
                run(
                        "compare",
                        "--runs",
                        model,
                        model,
                        "--corpus",
                        corpus.toString(),
                        "--split",
                        "train",
                        "--iw-samples",
                        "4",
                        "--samples",
                        "6",
                        "--grid",
                        "2",
                        "--out",
                        markdown.toString());
        assertEquals(0, compared.exitCode(), compared.err());
        assertEquals(
                compared.out().lines().filter(line -> line.startsWith("| ")).count(),
                Files.readString(markdown).lines().filter(line -> line.startsWith("| ")).count());
        assertError(2, run("eval", "--model", model, "--corpus", corpus.toString(), "--lm", model));
    }

    @Test
    void helpTeachesAndListsExitCodes() {
        Outcome help = run("--help");
        assertEquals(0, help.exitCode());
        for (String command :
                List.of(
                        "poem",
                        "generate",
                        "interpolate",
                        "reconstruct",
                        "train",
                        "corpus",
                        "vocab")) {
            assertTrue(help.out().contains(command), command);
        }
        assertTrue(help.out().contains("Exit codes"));
        assertTrue(run("poem", "--help").out().contains("--walk"));
        assertEquals(run("--version").out(), run("poem", "--version").out());
        assertTrue(run("vocab", "build", "-V").out().startsWith("textvae "));
    }

    @Test
    void badInputEndsInOneLineAndItsExitCode(@TempDir Path directory) throws Exception {
        assertError(4, run("generate", "--model", directory.resolve("nothing").toString()));
        assertError(2, run("generate", "-n", "many"));
        assertError(2, run("frobnicate"));
        assertError(2, run("eval", "--split", "everything"));
        assertError(2, run("compare", "--runs", "a", "b", "--grid", "1"));
        Path corpus = tinyCorpus(directory);
        assertError(
                5,
                run(
                        "vocab",
                        "build",
                        "--corpus",
                        directory.resolve("missing.txt").toString(),
                        "--out",
                        directory.resolve("v.json").toString()));
        Path damaged = directory.resolve("damaged.ckpt");
        Files.write(damaged, new byte[] {1, 2, 3, 4});
        assertError(4, run("poem", "--model", damaged.toString()));
        assertError(
                2,
                run(
                        "train",
                        "--corpus",
                        corpus.toString(),
                        "--vocab",
                        "v.json",
                        "--out",
                        directory.resolve("r").toString(),
                        "--model",
                        "transformer"));
    }

    @Test
    void compareFindsAMissingOrDamagedRunBeforeEvaluatingAny(@TempDir Path directory)
            throws Exception {
        Path corpus = tinyCorpus(directory);
        Path good = Files.createDirectories(directory.resolve("good/checkpoints"));
        Files.copy(
                Path.of(ModelFiles.class.getResource(ModelFiles.DEFAULT_MODEL_RESOURCE).toURI()),
                good.resolve("best.ckpt"));
        Path damaged = Files.write(directory.resolve("damaged.ckpt"), new byte[] {1, 2, 3});
        for (Path bad : List.of(directory.resolve("missing"), damaged)) {
            Path plots = directory.resolve("plots-" + bad.getFileName());
            Outcome outcome =
                    run(
                            "compare",
                            "--runs",
                            directory.resolve("good").toString(),
                            bad.toString(),
                            "--corpus",
                            corpus.toString(),
                            "--split",
                            "train",
                            "--iw-samples",
                            "2",
                            "--samples",
                            "4",
                            "--plots",
                            plots.toString());
            assertError(4, outcome);
            assertTrue(outcome.err().contains(bad.toString()), outcome.err());
            assertEquals("", outcome.out(), "no run was evaluated");
            assertFalse(Files.exists(plots.resolve("compare-good.png")));
        }
    }

    @Test
    void aModelTooLargeForMemoryEndsInOneLine(@TempDir Path directory) throws Exception {
        Path corpus = tinyCorpus(directory);
        Path vocab = directory.resolve("v.json");
        run("vocab", "build", "--corpus", corpus.toString(), "--out", vocab.toString());
        // 3 · 100,000² weights a GRU matrix: 120 GB, which the engine refuses at once.
        Outcome huge =
                run(
                        "--threads",
                        "1",
                        "train",
                        "--corpus",
                        corpus.toString(),
                        "--vocab",
                        vocab.toString(),
                        "--out",
                        directory.resolve("huge").toString(),
                        "--hidden",
                        "100000",
                        "--max-steps",
                        "1",
                        "--no-progress");
        assertEquals(1, huge.exitCode(), huge.err());
        assertTrue(
                huge.err().contains("textvae: not enough memory: the engine could not"),
                huge.err());
        assertFalse(huge.err().contains("unexpected error"), huge.err());
        assertFalse(huge.err().contains("\tat "), "no stack trace");
    }

    @Test
    void outputThatCannotBeWrittenIsAnErrorNotASuccess() {
        // Like stdout redirected to a full disk: PrintStream swallows the failure.
        OutputStream full =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("No space left on device");
                    }
                };
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(full, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (String[] args :
                    List.of(
                            new String[] {"--version"},
                            new String[] {"generate", "-n", "2", "--max-length", "3"})) {
                err.reset();
                assertEquals(5, Main.run(args), String.join(" ", args));
                String message = err.toString(StandardCharsets.UTF_8);
                assertTrue(message.contains("cannot write to standard output"), message);
                assertEquals(1, message.strip().lines().count(), message);
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static void assertError(int expectedCode, Outcome outcome) {
        assertEquals(expectedCode, outcome.exitCode(), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
        assertFalse(outcome.err().isBlank(), "an error message is printed");
    }
}
