package org.textvae.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.textvae.TextvaeException;

/** Where models live: run folders, checkpoint files, and the model packed into the jar. */
public final class ModelFiles {

    /** The class-path resource of the model packed into the jar. */
    public static final String DEFAULT_MODEL_RESOURCE = "/org/textvae/default-model.ckpt";

    /** The class-path resource of the Song ci model packed into the jar. */
    public static final String CI_MODEL_RESOURCE = "/org/textvae/ci/ci-model.ckpt";

    private static final String BEST = "best.ckpt";
    private static final String LAST = "last.ckpt";

    private ModelFiles() {}

    /**
     * The checkpoint a path names: the file itself or, in a run folder (or its {@code checkpoints}
     * folder), the best checkpoint (best validation −ELBO), else the last.
     *
     * @throws TextvaeException MODEL if a folder holds neither, naming the files looked for
     */
    public static Path checkpointFile(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path folder = checkpointsFolder(path);
        for (String name : List.of(BEST, LAST)) {
            if (Files.exists(folder.resolve(name))) {
                return folder.resolve(name);
            }
        }
        Path inside = path.relativize(folder);
        throw new TextvaeException(
                TextvaeException.Kind.MODEL,
                "no checkpoint in "
                        + (path.toString().isEmpty() ? "the current folder" : path)
                        + ": neither "
                        + inside.resolve(BEST)
                        + " nor "
                        + inside.resolve(LAST)
                        + " is there; train one first, or pass a .ckpt file");
    }

    /** A run folder's checkpoints folder; the path itself when it is that folder already. */
    private static Path checkpointsFolder(Path path) {
        Path inside = path.resolve("checkpoints");
        boolean isCheckpoints =
                path.getFileName() != null && path.getFileName().toString().equals("checkpoints");
        boolean holdsCheckpoints =
                Files.exists(path.resolve(BEST)) || Files.exists(path.resolve(LAST));
        return !Files.isDirectory(inside) && (isCheckpoints || holdsCheckpoints) ? path : inside;
    }

    /** Reads the model packed into the jar. */
    public static Checkpoint readDefault() {
        return readPacked(DEFAULT_MODEL_RESOURCE, "the default model");
    }

    /** Reads the Song ci model packed into the jar. */
    public static Checkpoint readCiModel() {
        return readPacked(CI_MODEL_RESOURCE, "the ci model");
    }

    private static Checkpoint readPacked(String resource, String name) {
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TextvaeException(
                        TextvaeException.Kind.MODEL,
                        "this build has no " + name.substring(4) + " packed in; pass --model DIR");
            }
            return Checkpoint.read(in, name);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
