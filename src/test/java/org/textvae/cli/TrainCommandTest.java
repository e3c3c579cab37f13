package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} refuses, with exit 2 and one line, what it would otherwise ignore or get wrong:
 * settings typed with --resume, options the chosen model has no use for, a folder that is not its
 * own; and it refuses them before it creates anything. None of these tests trains.
 */
class TrainCommandTest {

    @TempDir static Path shared;
    private static Path corpus;
    private static Path vocab;

    @TempDir Path dir;

    @BeforeAll
    static void buildVocabulary() throws Exception {
        corpus = CommandLineTest.tinyCorpus(shared);
        vocab = shared.resolve("v.json");
        CommandLineTest.Outcome built =
                CommandLineTest.run(
                        "vocab", "build", "--corpus", corpus.toString(), "--out", vocab.toString());
        assertEquals(0, built.exitCode(), built.err());
    }

    private static CommandLineTest.Outcome train(Path out, String... more) {
        return train(corpus, vocab, out, more);
    }

    private static CommandLineTest.Outcome train(
            Path corpus, Path vocab, Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--corpus",
                                corpus.toString(),
                                "--vocab",
                                vocab.toString(),
                                "--out",
                                out.toString(),
                                "--no-progress"));
        args.addAll(List.of(more));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void settingsTypedWithResumeAreRefusedByName() {
        String run = dir.resolve("run").toString();
        CommandLineTest.Outcome outcome =
                CommandLineTest.run(
                        "train",
                        "--resume",
                        run,
                        "--hidden",
                        "64",
                        "--lr",
                        "0.5",
                        "--max-steps",
                        "25");
        assertOneLineError(2, outcome);
        assertTrue(
                outcome.err().contains("--hidden, --lr cannot be changed when resuming"),
                outcome.err());
        assertFalse(outcome.err().contains("--max-steps,"), outcome.err());
        for (String option : List.of("--out", "--corpus", "--checkpoint-every", "--seed")) {
            CommandLineTest.Outcome refused =
                    CommandLineTest.run("train", "--resume", run, option, "7");
            assertOneLineError(2, refused);
            assertTrue(refused.err().contains(option + " cannot be changed"), refused.err());
        }
    }

    @Test
    void optionsThatApplyOnResumeReachTheRun() {
        // The run folder is missing, so getting as far as reading it (exit 4) proves they passed.
        String run = dir.resolve("missing").toString();
        assertOneLineError(
                4,
                CommandLineTest.run(
                        "train",
                        "--resume",
                        run,
                        "--epochs",
                        "3",
                        "--max-steps",
                        "9",
                        "--no-progress",
                        "--threads",
                        "1"));
        assertEquals(4, CommandLineTest.run("train", "--resume", run, "--verbose").exitCode());
        assertOneLineError(4, CommandLineTest.run("--threads", "1", "train", "--resume", run));
    }

    @Test
    void resumeOfACheckpointFileOrACheckpointsFolderNamesTheRunFolder() throws Exception {
        Path checkpoints = Files.createDirectories(dir.resolve("run/checkpoints"));
        Path last = Files.writeString(checkpoints.resolve("last.ckpt"), "not read");
        for (Path wrong : List.of(last, checkpoints)) {
            CommandLineTest.Outcome outcome =
                    CommandLineTest.run("train", "--resume", wrong.toString());
            assertOneLineError(2, outcome);
            assertTrue(outcome.err().contains("--resume takes a run folder"), outcome.err());
            assertTrue(outcome.err().contains("--resume " + dir.resolve("run")), outcome.err());
        }
        Path file = Files.writeString(dir.resolve("mean.ckpt"), "not read");
        CommandLineTest.Outcome outcome = CommandLineTest.run("train", "--resume", file.toString());
        assertOneLineError(2, outcome);
        assertTrue(outcome.err().contains(file + " is a file"), outcome.err());
    }

    @Test
    void latentOptionsAreRefusedForModelsWithoutThemAndNothingIsCreated() {
        Path out = dir.resolve("a/run");
        CommandLineTest.Outcome lm = train(out, "--model", "lm", "--beta", "4", "--latent", "8");
        assertOneLineError(2, lm);
        assertTrue(lm.err().contains("--beta, --latent mean nothing for --model lm"), lm.err());
        CommandLineTest.Outcome ae = train(out, "--model", "ae", "--free-bits", "0.5");
        assertOneLineError(2, ae);
        assertTrue(ae.err().contains("--free-bits means nothing for --model ae"), ae.err());
        for (String option : List.of("--factor-gamma", "--kl-schedule")) {
            String value = option.equals("--kl-schedule") ? "constant" : "3";
            assertOneLineError(2, train(out, "--model", "lm", option, value));
            assertOneLineError(2, train(out, "--model", "ae", option, value));
        }
        assertTrue(Files.notExists(dir.resolve("a")), "nothing is created for a refused run");
    }

    @Test
    void theAutoencoderKeepsItsLatentOptions() {
        // A vocabulary that is not there: reaching it (exit 5) proves the options were accepted.
        CommandLineTest.Outcome outcome =
                CommandLineTest.run(
                        "train",
                        "--corpus",
                        corpus.toString(),
                        "--vocab",
                        dir.resolve("none.json").toString(),
                        "--out",
                        dir.resolve("run").toString(),
                        "--model",
                        "ae",
                        "--latent",
                        "8",
                        "--z-every-step");
        assertOneLineError(5, outcome);
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("tang-default"));
        Files.writeString(out.resolve("metrics.csv"), "kept\n");
        CommandLineTest.Outcome outcome = train(out);
        assertOneLineError(2, outcome);
        assertTrue(outcome.err().contains("is not empty (it holds metrics.csv)"), outcome.err());
        assertEquals("kept\n", Files.readString(out.resolve("metrics.csv")));
        assertEquals(1, out.toFile().list().length);
    }

    @Test
    void badInputIsReportedBeforeTheRunFolderIsCreated() throws Exception {
        Path out = dir.resolve("run");
        CommandLineTest.Outcome valid = train(out, "--valid", dir.resolve("nope.txt").toString());
        assertOneLineError(5, valid);
        assertTrue(valid.err().contains("--valid"), valid.err());
        assertFalse(valid.err().contains("--corpus"), valid.err());
        assertFalse(
                valid.err().contains("files were removed"), "none were written: " + valid.err());

        CommandLineTest.Outcome schedule = train(out, "--kl-schedule", "logistic:1");
        assertOneLineError(2, schedule);
        assertTrue(schedule.err().contains("logistic:MIDPOINT:RATE"), schedule.err());

        Path broken = Files.writeString(dir.resolve("vocab.json"), "{\"model\": {\"type\" 1}}");
        CommandLineTest.Outcome malformed = train(corpus, broken, out);
        assertOneLineError(3, malformed);
        assertTrue(malformed.err().contains("malformed JSON at line 1 column"), malformed.err());
        assertFalse(malformed.err().contains("gson"), malformed.err());

        Path oneLine = Files.writeString(dir.resolve("one.txt"), "春眠不覺曉\n");
        CommandLineTest.Outcome tooSmall = train(oneLine, vocab, out);
        assertEquals(3, tooSmall.exitCode(), tooSmall.err());
        assertTrue(tooSmall.err().contains("no usable validation sentence"), tooSmall.err());
        assertTrue(Files.notExists(out), "nothing is created for a refused run");
    }

    private static void assertOneLineError(int expectedCode, CommandLineTest.Outcome outcome) {
        assertEquals(expectedCode, outcome.exitCode(), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    @Test
    void aVocabularyHoldingWholeLinesAsTokensIsNamedInAWarning() throws Exception {
        com.google.gson.JsonObject json =
                com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(vocab))
                        .getAsJsonObject();
        com.google.gson.JsonObject tokens = json.getAsJsonObject("model").getAsJsonObject("vocab");
        tokens.addProperty("春".repeat(150), tokens.size());
        Path old = dir.resolve("old.json");
        java.nio.file.Files.writeString(old, json.toString());
        CommandLineTest.Outcome warned =
                train(corpus, old, dir.resolve("run"), "--max-steps", "1", "--hidden", "8");
        assertTrue(warned.err().contains("holds 1 token longer than 100 characters"), warned.err());
        CommandLineTest.Outcome plain =
                train(corpus, vocab, dir.resolve("run2"), "--max-steps", "1", "--hidden", "8");
        assertTrue(!plain.err().contains("longer than 100"), plain.err());
    }
}
