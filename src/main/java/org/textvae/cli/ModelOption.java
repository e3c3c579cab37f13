package org.textvae.cli;

import java.nio.file.Path;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by the commands that use a trained model. */
final class ModelOption {

    @Option(
            names = "--model",
            paramLabel = "PATH",
            description =
                    "Run folder (or its checkpoints folder) or .ckpt file (default: the model"
                            + " packed into the jar).")
    Path model;

    SentenceVae load() {
        return model == null ? SentenceVae.loadDefault() : SentenceVae.load(model);
    }

    /**
     * The model, refused if it is a language model: it ignores z, so sampling from N(0, I) would
     * print its one greedy line again and again.
     */
    SentenceVae loadWithLatentSpace() {
        SentenceVae vae = load();
        if (!vae.config().kind().hasLatent()) {
            vae.close();
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "a language model has no latent space to sample from: "
                            + vae.source()
                            + " was trained with --model lm");
        }
        return vae;
    }
}
