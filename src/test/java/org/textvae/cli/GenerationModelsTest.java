package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.generate.DecodingOptions;
import org.textvae.generate.TinyModel;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;

/** Generation options checked against the model they are used with. */
class GenerationModelsTest {

    /** Two lines: a vocabulary narrower than the widest beam allowed. */
    private static final List<String> TWO_LINES = List.of("春眠不覺曉", "處處聞啼鳥");

    @TempDir static Path directory;
    private static String vae;
    private static String lm;

    @BeforeAll
    static void writeModels() {
        vae = TinyModel.write(directory, ModelKind.VAE, TWO_LINES, 4, 7).toString();
        lm = TinyModel.write(directory, ModelKind.LM, TWO_LINES, 4, 7).toString();
    }

    @Test
    void aBeamAsWideAsTheVocabularyIsRefused() {
        int size = Checkpoint.read(Path.of(vae)).config().vocabSize();
        assertTrue(size <= GenerateCommand.MAX_BEAM, "the vocabulary bounds the beam first");
        String[] args = {"generate", "--model", vae, "-n", "1", "--max-length", "3", "--beam"};
        assertEquals(0, run(args, size - 1).exitCode(), "the widest beam the model allows");
        OptionBoundsTest.assertUsageError(
                run(args, size),
                "--beam must be smaller than the model's vocabulary size (" + size + ")");
    }

    @Test
    void theExtremeTemperaturesStillDecode() {
        for (String temperature : new String[] {"0.0001", "10000"}) {
            CommandLineTest.Outcome outcome =
                    CommandLineTest.run(
                            "generate", "--model", vae, "-n", "2", "--temperature", temperature);
            assertEquals(0, outcome.exitCode(), outcome.err());
            assertEquals(2, outcome.out().lines().count());
        }
    }

    @Test
    void aRunsCheckpointsFolderServesAsTheModel() throws Exception {
        Path checkpoints = Files.createDirectories(directory.resolve("run/checkpoints"));
        Files.copy(Path.of(vae), checkpoints.resolve("best.ckpt"));
        CommandLineTest.Outcome outcome =
                CommandLineTest.run("generate", "--model", checkpoints.toString(), "-n", "1");
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path folder = Files.createDirectories(directory.resolve("not-a-run"));
        CommandLineTest.Outcome empty =
                CommandLineTest.run(
                        "export",
                        "--model",
                        folder.toString(),
                        "--out",
                        folder.resolve("x.ckpt").toString());
        assertEquals(4, empty.exitCode(), empty.err());
        assertTrue(empty.err().contains("neither checkpoints/best.ckpt nor"), empty.err());
    }

    @Test
    void aLongRunPrintsExactlyTheLinesTheLibrarySamples() {
        int count = GenerateCommand.BAR_FROM + 5;
        CommandLineTest.Outcome outcome =
                CommandLineTest.run(
                        "generate",
                        "--model",
                        vae,
                        "--temperature",
                        "1",
                        "--max-length",
                        "4",
                        "--seed",
                        "3",
                        "-n",
                        String.valueOf(count));
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err(), "no progress bar when stderr is not a terminal");
        // generate samples with the seed after --seed, so its z and its draws differ.
        try (SentenceVae library = SentenceVae.load(Path.of(vae))) {
            List<String> expected = library.sample(count, 3, new DecodingOptions(4, 1.0, 0, 1, 4));
            assertEquals(expected, outcome.out().lines().toList());
        }
    }

    @Test
    void theDefaultModelWritesNoUnknownToken() {
        // Before <unk> was banned, line 11 of these was "<unk><unk>尚未收".
        CommandLineTest.Outcome outcome =
                CommandLineTest.run("generate", "-n", "800", "--seed", "202");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(800, outcome.out().lines().count());
        assertFalse(outcome.out().contains("<unk>"), "no line holds <unk>");
    }

    @Test
    void aLanguageModelHasNothingToSampleFrom() {
        for (String command : new String[] {"generate", "poem"}) {
            OptionBoundsTest.assertUsageError(
                    CommandLineTest.run(command, "--model", lm),
                    "a language model has no latent space to sample from");
        }
        assertEquals(0, CommandLineTest.run("poem", "--model", vae).exitCode());
    }

    @Test
    void qualityReportsEveryFigureOrFailsSaying() throws Exception {
        Path corpus = directory.resolve("split.csv");
        Files.writeString(corpus, "text,split\n春眠不覺曉,train\n處處聞啼鳥,train\n夜來風雨聲,test\n花落知多少,test\n");
        String[] args = {
            "quality",
            "--model",
            vae,
            "--corpus",
            corpus.toString(),
            "--samples",
            "100",
            "--pairs",
            "1",
            "--seed"
        };
        CommandLineTest.Outcome measured = run(args, 2);
        assertEquals(0, measured.exitCode(), measured.err());
        assertFalse(measured.out().contains("NaN"), measured.out());
        // Seed 1 draws the same held-out line twice for the only pair: no path to measure.
        CommandLineTest.Outcome none = run(args, 1);
        assertEquals(3, none.exitCode(), none.out());
        assertTrue(none.err().contains("no interpolation pair"), none.err());
    }

    private static CommandLineTest.Outcome run(String[] args, int last) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = Integer.toString(last);
        return CommandLineTest.run(all);
    }
}
