package org.textvae.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.textvae.TextvaeException;

/** Where models live: run folders, checkpoint files, and the model packed into the jar. */
public final class ModelFiles {

    /** The class-path resource of the model packed into the jar. */
    public static final String DEFAULT_MODEL_RESOURCE = "/org/textvae/default-model.ckpt";

    private ModelFiles() {}

    /**
     * The checkpoint a path names: the file itself or, in a run folder, its best checkpoint (best
     * validation −ELBO), else its last.
     */
    public static Path checkpointFile(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path checkpoints = path.resolve("checkpoints");
        Path best = checkpoints.resolve("best.ckpt");
        return Files.exists(best) ? best : checkpoints.resolve("last.ckpt");
    }

    /** Reads the model packed into the jar. */
    public static Checkpoint readDefault() {
        try (InputStream in = ModelFiles.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new TextvaeException(
                        TextvaeException.Kind.MODEL,
                        "this build has no default model packed in; pass --model DIR");
            }
            return Checkpoint.read(in, "the default model");
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot read the default model: " + e.getMessage(),
                    e);
        }
    }
}
