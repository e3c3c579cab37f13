package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The model's settings: checked on construction, untied unless asked, and one line for logs. */
class ModelConfigTest {

    @Test
    void theShortConstructorLeavesEmbeddingsUntied() {
        assertFalse(new ModelConfig(ModelKind.VAE, 10, 4, 8, 2, false).tiedEmbeddings());
        assertEquals(
                new ModelConfig(ModelKind.VAE, 10, 4, 8, 2, true, false),
                new ModelConfig(ModelKind.VAE, 10, 4, 8, 2, true));
    }

    @Test
    void summaryNamesWhatDiffersFromThePlainModel() {
        assertEquals(
                "VAE, embedding 300, hidden 256, latent 32", ModelConfig.defaults(100).summary());
        assertEquals(
                "VAE, embedding 4, hidden 8, latent 2, z at every step, tied embeddings",
                new ModelConfig(ModelKind.VAE, 10, 4, 8, 2, true, true).summary());
        // A language model has no latent variable, so its latent size means nothing.
        assertEquals(
                "LM, embedding 4, hidden 8, tied embeddings",
                new ModelConfig(ModelKind.LM, 10, 4, 8, 2, true, true).summary());
    }

    @Test
    void impossibleSizesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ModelConfig(ModelKind.VAE, 10, 0, 8, 2, false, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ModelConfig(ModelKind.VAE, 4, 4, 8, 2, false, false));
    }
}
