package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.generate.TinyModel;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;

/** {@code textvae fit-encoder}: writes a model whose samples are unchanged; refuses bad input. */
class FitEncoderCommandTest {

    @Test
    void writesAModelThatSamplesAsBefore(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, 4, 2);
        Path out = directory.resolve("fitted.ckpt");
        CommandLineTest.Outcome fit =
                CommandLineTest.run(
                        "fit-encoder",
                        "--model",
                        model.toString(),
                        "--corpus",
                        CommandLineTest.tinyCorpus(directory).toString(),
                        "--steps",
                        "12",
                        "--lr",
                        "0.01",
                        "--out",
                        out.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().startsWith("step 0: "), fit.err());
        assertTrue(fit.out().startsWith("kept the encoder of step "), fit.out());
        assertTrue(fit.out().contains("wrote " + out), fit.out());
        try (SentenceVae before = SentenceVae.load(model);
                SentenceVae after = SentenceVae.load(out)) {
            assertEquals(before.sample(20, 7), after.sample(20, 7));
        }
        assertFalse(
                java.util.Arrays.equals(
                        Checkpoint.read(model).weights(), Checkpoint.read(out).weights()));
    }

    @Test
    void refusesWhatItCannotDo(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, 4, 2);
        Path lm = TinyModel.write(directory, ModelKind.LM, TinyModel.LINES, 4, 2);
        String corpus = CommandLineTest.tinyCorpus(directory).toString();
        byte[] modelBytes = Files.readAllBytes(model);
        Path taken = Files.writeString(directory.resolve("taken.ckpt"), "keep me");
        assertRefused(2, "Missing required option: '--out=FILE'", "--model", model.toString());
        // A missing model is named before a missing corpus.
        assertRefused(
                4,
                "no checkpoint at " + directory.resolve("none.ckpt"),
                "--model",
                directory.resolve("none.ckpt").toString(),
                "--corpus",
                directory.resolve("none.csv").toString(),
                "--out",
                directory.resolve("c.ckpt").toString());
        assertRefused(
                2,
                taken + " exists; pass --force to replace it",
                "--model",
                model.toString(),
                "--corpus",
                corpus,
                "--out",
                taken.toString());
        assertEquals("keep me", Files.readString(taken));
        assertRefused(
                2,
                "--steps must be",
                "--model",
                model.toString(),
                "--steps",
                "0",
                "--out",
                directory.resolve("a.ckpt").toString());
        assertRefused(
                2,
                "only a VAE's encoder can be fitted",
                "--model",
                lm.toString(),
                "--corpus",
                corpus,
                "--steps",
                "2",
                "--out",
                directory.resolve("b.ckpt").toString());
        assertFalse(Files.exists(directory.resolve("b.ckpt")));
        assertRefused(
                2, "", "--model", model.toString(), "--corpus", corpus, "--out", model.toString());
        assertArrayEquals(modelBytes, Files.readAllBytes(model));
    }

    private static void assertRefused(int code, String message, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "fit-encoder";
        System.arraycopy(options, 0, args, 1, options.length);
        CommandLineTest.Outcome outcome = CommandLineTest.run(args);
        assertEquals(code, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }
}
