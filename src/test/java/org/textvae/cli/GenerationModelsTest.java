package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
    void aLanguageModelHasNothingToSampleFrom() {
        for (String command : new String[] {"generate", "poem"}) {
            OptionBoundsTest.assertUsageError(
                    CommandLineTest.run(command, "--model", lm),
                    "a language model has no latent space to sample from");
        }
        assertEquals(0, CommandLineTest.run("poem", "--model", vae).exitCode());
    }
}
