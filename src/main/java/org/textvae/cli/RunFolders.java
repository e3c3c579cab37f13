package org.textvae.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which run folder a {@code --model} path belongs to, for commands that read or write its files.
 */
final class RunFolders {

    private RunFolders() {}

    /**
     * The run folder (one holding {@code config.json}) that {@code model} is, whose checkpoints
     * folder it is, or that holds it as a checkpoint file, directly or in {@code checkpoints/};
     * null for a path outside any run.
     */
    static Path of(Path model) {
        Path folder = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
        if (folder == null) {
            return null;
        }
        if (Files.isRegularFile(folder.resolve("config.json"))) {
            return folder;
        }
        Path name = folder.getFileName();
        Path parent = folder.toAbsolutePath().getParent();
        if (name != null && name.toString().equals("checkpoints") && parent != null) {
            return Files.isRegularFile(parent.resolve("config.json")) ? parent : null;
        }
        return null;
    }
}
