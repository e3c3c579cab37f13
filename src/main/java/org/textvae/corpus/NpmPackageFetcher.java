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

    /**
     * A package pinned by version and integrity.
     *
     * @param spec what {@code npm pack} is given, {@code name@version}
     * @param fileName the tarball {@code npm pack} writes
     * @param integrity {@code npm view <spec> dist.integrity}
     */
    public record Pinned(String spec, String fileName, String integrity) {}

    /** The package the corpora and the tone table are built from. */
    public static final Pinned CHINESE_POETRY = new Pinned(PACKAGE, FILE_NAME, INTEGRITY);

    /**
     * opencc-js 1.4.2 (MIT; its dictionaries are OpenCC's, Apache-2.0): the traditional to
     * simplified character table that lets simplified characters find their row in the tone table.
     */
    public static final Pinned OPENCC =
            new Pinned(
                    "opencc-js@1.4.2",
                    "opencc-js-1.4.2.tgz",
                    "sha512-EdcspgdROiCCZDM+jZR6Pa670xW+EW2QhctPBQ8gRjg6lrx4IHEl+2s+kt5izk/TkxVRgdWuFgaGkaEdIUfdaw==");

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
        return fetch(cacheDir, CHINESE_POETRY);
    }

    /**
     * Returns the cached tarball of a pinned package, downloading it first if it is missing or
     * damaged.
     *
     * @throws TextvaeException IO if npm is missing or fails, INPUT if the download does not match
     */
    public static Path fetch(Path cacheDir, Pinned pinned) {
        Path tgz = cacheDir.resolve(pinned.fileName());
        if (Files.isRegularFile(tgz) && integrity(tgz).equals(pinned.integrity())) {
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
        runNpmPack(cacheDir, pinned);
        if (!Files.isRegularFile(tgz)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    cacheDir
                            + ": npm pack did not write "
                            + pinned.fileName()
                            + "; download it yourself and pass its path");
        }
        String actual = integrity(tgz);
        if (!actual.equals(pinned.integrity())) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    tgz
                            + ": integrity "
                            + actual
                            + " does not match the pinned "
                            + pinned.integrity()
                            + "; delete it and check your npm registry");
        }
        return tgz;
    }

    /** Returns the npm-style Subresource Integrity string of a file. */
    static String integrity(Path file) {
        return "sha512-" + Base64.getEncoder().encodeToString(FileDigest.of(file, "SHA-512"));
    }

    private static void runNpmPack(Path cacheDir, Pinned pinned) {
        String spec = pinned.spec();
        ProcessBuilder builder =
                new ProcessBuilder("npm", "pack", spec, "--pack-destination", cacheDir.toString())
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
                            + pinned.fileName()
                            + " yourself and pass its path",
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
                                + spec
                                + " failed: "
                                + lastLine(output)
                                + "; check your network or pass the package's path");
            }
        } catch (IOException | InterruptedException e) {
            process.destroy();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "npm pack " + spec + " failed: " + e.getMessage(), e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1].strip();
    }
}
