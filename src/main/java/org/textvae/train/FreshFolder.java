package org.textvae.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.textvae.TextvaeException;
import org.textvae.io.WritableFolder;

/**
 * The folder of a new run: refused unless it is new or empty, so a run never overwrites or appends
 * to files it did not write; and, when the run fails before its first checkpoint, emptied of what
 * the run wrote, so that the same command can simply be run again.
 */
final class FreshFolder {

    /** What a run writes before its first checkpoint; nothing else is ever deleted. */
    private static final List<String> RUN_FILES =
            List.of(
                    "config.json",
                    "command.txt",
                    "manifest.json",
                    "metrics.csv",
                    RunLog.FILE,
                    RunLock.FILE);

    private final RunFolder folder;

    /** The outermost folder that did not exist before the run (null if the run folder did). */
    private final Path created;

    private FreshFolder(RunFolder folder, Path created) {
        this.folder = folder;
        this.created = created;
    }

    /**
     * Checks that {@code root} can hold a new run; creates nothing (a probe file is made and
     * deleted at once).
     *
     * @throws TextvaeException USAGE if it is a file or holds anything, IO if it cannot be listed
     *     or written
     */
    static FreshFolder claim(Path root) {
        RunFolder folder = new RunFolder(root);
        if (Files.exists(folder.lastCheckpoint()) || Files.exists(folder.bestCheckpoint())) {
            throw refused(
                    "run folder "
                            + root
                            + " already holds checkpoints: continue it with --resume "
                            + root
                            + ", or start a new run with another --out");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw refused(root + " is a file: give a new or empty folder as --out");
        }
        if (Files.isDirectory(root)) {
            List<String> names = entries(root);
            if (!names.isEmpty() && looksLikeAnUncheckpointedStart(root)) {
                throw refused(
                        "run folder "
                                + root
                                + " holds a run with no checkpoint yet: it is still running, or it"
                                + " was stopped before its first checkpoint and nothing in it can"
                                + " be resumed; then delete the folder, or give another --out");
            }
            if (!names.isEmpty()) {
                throw refused(
                        "run folder "
                                + root
                                + " is not empty (it holds "
                                + String.join(", ", names)
                                + "): a new run needs a new or empty folder as --out");
            }
        }
        // Before the corpus is read: an --out that takes no file should fail at once.
        WritableFolder.require(root, "cannot write run folder " + root);
        Path outermost = null;
        for (Path path = root.toAbsolutePath(); path != null && !Files.exists(path); ) {
            outermost = path;
            path = path.getParent();
        }
        return new FreshFolder(folder, outermost);
    }

    /** Whether the run has written anything yet: its checkpoints folder is made first. */
    boolean written() {
        return Files.exists(folder.lastCheckpoint().getParent());
    }

    /** Whether the run has written a checkpoint, after which its folder is the user's to keep. */
    boolean checkpointed() {
        try (Stream<Path> entries = Files.list(folder.lastCheckpoint().getParent())) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return Files.exists(folder.lastCheckpoint().getParent()); // unsure: keep it
        }
    }

    /**
     * Removes what the run wrote, and the folders it created, unless a checkpoint exists. Best
     * effort: the caller is already reporting the failure that matters.
     */
    void discard() {
        if (checkpointed()) {
            return;
        }
        try {
            for (String name : RUN_FILES) {
                Files.deleteIfExists(folder.root().resolve(name));
            }
            Files.deleteIfExists(folder.lastCheckpoint().getParent());
            if (created != null) {
                Path stop = created.getParent();
                for (Path path = folder.root().toAbsolutePath();
                        path != null && !path.equals(stop);
                        path = path.getParent()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (DirectoryNotEmptyException e) {
            // Something else was put there meanwhile: it stays, and so do the folders around it.
        } catch (IOException e) {
            // Leftovers are harmless beside the error the user is about to read.
        }
    }

    /**
     * Whether the folder holds a run's config and nothing but what a run writes before its first
     * checkpoint (a run killed before its log existed included).
     */
    private static boolean looksLikeAnUncheckpointedStart(Path root) {
        if (!isRunConfig(root.resolve("config.json"))
                || new FreshFolder(new RunFolder(root), null).checkpointed()) {
            return false;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(path -> path.getFileName().toString())
                    .allMatch(FreshFolder::writtenBeforeACheckpoint);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a file is the config.json a run writes first (a job: model and training). */
    private static boolean isRunConfig(Path file) {
        try {
            JsonObject job = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return job.has("model") && job.has("training");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A run's own file, its checkpoint folder, or a file being written in place (AtomicFiles). */
    private static boolean writtenBeforeACheckpoint(String name) {
        return RUN_FILES.contains(name)
                || name.equals("checkpoints")
                || (name.startsWith(".") && name.endsWith(".tmp"));
    }

    /** The names in a folder, the first few, sorted. */
    private static List<String> entries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<String> names =
                    entries.map(path -> path.getFileName().toString())
                            // A lock file alone is what a run killed at its very start leaves.
                            .filter(name -> !name.equals(RunLock.FILE))
                            .sorted()
                            .toList();
            return names.size() <= 4 ? names : listWithMore(names);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot list run folder " + directory + " (" + e.getMessage() + ")",
                    e);
        }
    }

    private static List<String> listWithMore(List<String> names) {
        return Stream.concat(
                        names.subList(0, 3).stream(),
                        Stream.of("and " + (names.size() - 3) + " more"))
                .toList();
    }

    private static TextvaeException refused(String message) {
        return new TextvaeException(TextvaeException.Kind.USAGE, message);
    }
}
