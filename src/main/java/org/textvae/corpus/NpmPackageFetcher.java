package org.textvae.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.textvae.TextvaeException;

/**
 * Downloads the pinned {@code chinese-poetry} npm package with the user's own {@code npm pack}, so
 * that registry settings, proxies and mirrors configured for npm apply. The tarball is cached and
 * checked against the registry's published SHA-512 integrity, which also pins its content.
 */
public final class NpmPackageFetcher {

    /** The package and version the bundled corpora are built from. */
    public static final String PACKAGE = "chinese-poetry@2.0.1";

    /** {@code npm view chinese-poetry@2.0.1 dist.integrity}. */
    static final String INTEGRITY =
            "sha512-KtYARvV7CWNtax0na9+Jn6PlhGgSoid7PWyDzXI4KsCEm2odZcqEQyval5koaLygZnM/EQ3lfJ//25K8p3uHNg==";

    private static final String FILE_NAME = "chinese-poetry-2.0.1.tgz";

    private NpmPackageFetcher() {}

    /** Returns {@code ~/.cache/textvae/npm}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "textvae", "npm");
    }

    /**
     * Returns the cached tarball, downloading it first if it is missing or damaged.
     *
     * @throws TextvaeException IO if npm is missing or fails, INPUT if the download does not match
     */
    public static Path fetch(Path cacheDir) {
        Path tgz = cacheDir.resolve(FILE_NAME);
        if (Files.isRegularFile(tgz) && integrity(tgz).equals(INTEGRITY)) {
            return tgz;
        }
        try {
            Files.createDirectories(cacheDir);
            Files.deleteIfExists(tgz);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    cacheDir + ": cannot create (" + e.getMessage() + ")",
                    e);
        }
        runNpmPack(cacheDir);
        if (!Files.isRegularFile(tgz)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    cacheDir + ": npm pack did not write " + FILE_NAME + "; pass --package PATH");
        }
        String actual = integrity(tgz);
        if (!actual.equals(INTEGRITY)) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    tgz
                            + ": integrity "
                            + actual
                            + " does not match the pinned "
                            + INTEGRITY
                            + "; delete it and check your npm registry");
        }
        return tgz;
    }

    /** Returns the npm-style Subresource Integrity string of a file. */
    static String integrity(Path file) {
        return "sha512-" + Base64.getEncoder().encodeToString(FileDigest.of(file, "SHA-512"));
    }

    private static void runNpmPack(Path cacheDir) {
        ProcessBuilder builder =
                new ProcessBuilder(
                                "npm", "pack", PACKAGE, "--pack-destination", cacheDir.toString())
                        .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot run npm ("
                            + e.getMessage()
                            + "); install Node.js, or download "
                            + FILE_NAME
                            + " yourself and pass --package PATH",
                    e);
        }
        try {
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                throw new TextvaeException(
                        TextvaeException.Kind.IO,
                        "npm pack "
                                + PACKAGE
                                + " failed: "
                                + lastLine(output)
                                + "; check your network or pass --package PATH");
            }
        } catch (IOException | InterruptedException e) {
            process.destroy();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "npm pack " + PACKAGE + " failed: " + e.getMessage(),
                    e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1].strip();
    }
}
