package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.textvae.TextvaeException;
import org.textvae.io.IoErrors;
import org.textvae.io.WritableFolder;
import picocli.CommandLine.Option;

/**
 * The {@code --force} option, and the checks a command makes on a file it will write before it
 * starts its work: an evaluation that runs for an hour should not end in "cannot write", and a
 * mistyped {@code --out} should not cost the file it names.
 */
final class OutputFile {

    @Option(
            names = "--force",
            description =
                    "Replace output files that already exist (never a file this command reads).")
    boolean force;

    /**
     * Checks a file the user named: it may not exist unless {@code --force} is given, and may never
     * be one of {@code inputs} (null entries are ignored).
     */
    void check(Path out, Path... inputs) {
        checkReplaceable(out, inputs);
        if (Files.exists(out) && !force) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, out + " exists; pass --force to replace it");
        }
        checkFolder(out.toAbsolutePath().getParent(), "cannot write " + out);
    }

    /**
     * Checks files the command names itself but that the user may want to keep (compare's
     * pictures): none may exist unless {@code --force} is given.
     */
    void checkAll(List<Path> outs) {
        for (Path out : outs) {
            if (Files.exists(out) && !force) {
                throw new TextvaeException(
                        TextvaeException.Kind.USAGE,
                        out + " exists; pass --force to replace it (or choose another folder)");
            }
        }
    }

    /**
     * Checks a file the command names itself (eval's {@code eval-<split>.csv}, bench's {@code
     * bench.csv}): each run's report replaces the last, but never one of {@code inputs}.
     */
    static void checkDefault(Path out, Path... inputs) {
        checkReplaceable(out, inputs);
        checkFolder(out.toAbsolutePath().getParent(), "cannot write " + out);
    }

    /** Checks that files can be created in {@code folder}, or in the folders it will be made in. */
    static void checkFolder(Path folder) {
        Path absolute = folder.toAbsolutePath();
        checkFolder(absolute, "cannot write in " + absolute);
    }

    /** The one-line error for a write that failed, with its reason. */
    static TextvaeException cannotWrite(Path out, IOException e) {
        return new TextvaeException(
                TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
    }

    private static void checkReplaceable(Path out, Path... inputs) {
        if (Files.isDirectory(out)) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    (out.toString().isEmpty() ? "an empty --out" : out + " is a folder")
                            + "; name a file to write");
        }
        for (Path input : inputs) {
            if (input != null && sameFile(out, input)) {
                throw new TextvaeException(
                        TextvaeException.Kind.USAGE,
                        "cannot write "
                                + out
                                + ": it is the input "
                                + input
                                + "; choose another --out");
            }
        }
    }

    /** True when both name one existing file, through links and relative paths alike. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkFolder(Path folder, String failure) {
        WritableFolder.require(folder, failure);
    }
}
