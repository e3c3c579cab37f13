package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.textvae.model.ModelConfig;
import org.textvae.train.TrainConfig;
import picocli.CommandLine;

/** {@code train} with no settings typed trains as the records' defaults say. */
class TrainDefaultsTest {

    @Test
    void noOptionsGiveTheTrainingRecordsDefaults() {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs();
        assertEquals(TrainConfig.defaults(), command.training());
    }

    @Test
    void noOptionsGiveTheModelRecordsShape() {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs();
        ModelConfig shape = ModelConfig.defaults(ModelConfig.MINIMUM_VOCABULARY);
        assertEquals(shape.embeddingSize(), command.shape.embedding);
        assertEquals(shape.hiddenSize(), command.shape.hidden);
        assertEquals(shape.latentSize(), command.shape.latent);
        assertEquals("vae", command.shape.kind);
    }

    @Test
    void numbersReadAsTypedAndUnknownOptionsHaveNone() {
        assertEquals("0.001", TrainDefaults.of("--lr"));
        assertEquals("5", TrainDefaults.of("--clip"));
        assertNull(TrainDefaults.of("--corpus"));
    }
}
