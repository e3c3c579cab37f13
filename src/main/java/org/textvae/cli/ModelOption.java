package org.textvae.cli;

import java.nio.file.Path;
import org.textvae.generate.SentenceVae;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by the commands that use a trained model. */
final class ModelOption {

    @Option(
            names = "--model",
            paramLabel = "PATH",
            description = "Run folder or .ckpt file (default: the model packed into the jar).")
    Path model;

    SentenceVae load() {
        return model == null ? SentenceVae.loadDefault() : SentenceVae.load(model);
    }
}
