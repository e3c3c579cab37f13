package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.model.ModelKind;

/** Generation options checked against the model they are used with. */
class GenerationModelsTest {

    @TempDir static Path directory;
    private static String vae;
    private static String lm;

    @BeforeAll
    static void writeModels() {
        vae = TinyCheckpoints.write(directory, ModelKind.VAE).toString();
        lm = TinyCheckpoints.write(directory, ModelKind.LM).toString();
    }

    @Test
    void aBeamAsWideAsTheVocabularyIsRefused() {
        int size = TinyCheckpoints.vocabularySize(Path.of(vae));
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
    void aLanguageModelHasNothingToSampleFrom() {
        for (String command : new String[] {"generate", "poem"}) {
            OptionBoundsTest.assertUsageError(
                    CommandLineTest.run(command, "--model", lm),
                    "a language model has no latent space to sample from");
        }
        assertEquals(0, CommandLineTest.run("poem", "--model", vae).exitCode());
    }

    private static CommandLineTest.Outcome run(String[] args, int last) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = Integer.toString(last);
        return CommandLineTest.run(all);
    }
}
