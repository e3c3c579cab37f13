package org.textvae.train;

import ai.djl.engine.Engine;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;
import org.textvae.model.Checkpoint;
import org.textvae.model.SentenceVaeNetwork;

/**
 * A self-describing run folder: {@code config.json} (the whole job), {@code command.txt}, {@code
 * manifest.json} (versions, seed, corpus hash), {@code metrics.csv} and {@code
 * checkpoints/last.ckpt} and {@code best.ckpt}.
 */
public final class RunFolder {

    private final Path root;

    /** When the run started (manifest.json), read on first use; "" when unknown. */
    private String started;

    public RunFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * The run folder to continue. {@code --resume} takes the folder that train's {@code --out}
     * made; a checkpoint file or a run's checkpoints folder (which {@code --model} accepts) is
     * refused, naming the run folder to give instead.
     */
    static RunFolder toResume(Path root) {
        boolean file = Files.isRegularFile(root);
        Path folder = file ? root.toAbsolutePath().getParent() : root;
        boolean checkpointsOfARun =
                folder.getFileName() != null
                        && folder.getFileName().toString().equals("checkpoints")
                        && Files.exists(folder.resolve("last.ckpt"));
        if (!file && !checkpointsOfARun) {
            return new RunFolder(root);
        }
        throw new TextvaeException(
                TextvaeException.Kind.USAGE,
                root
                        + (file ? " is a file" : " is a checkpoints folder")
                        + ": --resume takes a run folder (the --out of a train run)"
                        + (checkpointsOfARun
                                ? ", here --resume " + folder.toAbsolutePath().getParent()
                                : ""));
    }

    public Path metrics() {
        return root.resolve("metrics.csv");
    }

    public Path lastCheckpoint() {
        return root.resolve("checkpoints").resolve("last.ckpt");
    }

    public Path bestCheckpoint() {
        return root.resolve("checkpoints").resolve("best.ckpt");
    }

    /** The weights validated at the end of epoch {@code epoch} (counting from 1), if kept. */
    public Path epochCheckpoint(int epoch) {
        return root.resolve("checkpoints").resolve("epoch-%03d.ckpt".formatted(epoch));
    }

    /**
     * Keeps the network's weights as {@link #epochCheckpoint}: no training state, not resumable.
     */
    void keepEpoch(int epoch, SentenceVaeNetwork network, String tokenizerJson) {
        Map<String, byte[]> extras = new LinkedHashMap<>();
        putRunEntry(extras);
        Checkpoint.of(network, tokenizerJson, extras).write(epochCheckpoint(epoch));
    }

    /**
     * Names the run in a checkpoint ({@link Checkpoint#RUN_ENTRY}): when it started, from
     * manifest.json, which a resumed run keeps. Without a readable manifest, nothing.
     */
    void putRunEntry(Map<String, byte[]> extras) {
        if (started == null) {
            started = readStarted();
        }
        if (!started.isEmpty()) {
            extras.putAll(Checkpoint.runEntry(started));
        }
    }

    private String readStarted() {
        try {
            JsonElement value = manifestEntry("started");
            return value == null ? "" : value.getAsString();
        } catch (IOException e) {
            return ""; // no manifest: the checkpoints go unnamed
        }
    }

    /**
     * A value recorded in manifest.json, or null where a manifest edited by hand lacks it (or is
     * not a JSON object).
     */
    private JsonElement manifestEntry(String key) throws IOException {
        try {
            JsonElement value =
                    JsonParser.parseString(Files.readString(root.resolve("manifest.json")))
                            .getAsJsonObject()
                            .get(key);
            return value != null && value.isJsonPrimitive() ? value : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * Deletes the half-written files a killed run left behind (docs/design.md, "Run folders and
     * resume").
     *
     * @return how many there were
     */
    int removeUnfinishedWrites() throws IOException {
        return AtomicFiles.removeLeftovers(root)
                + AtomicFiles.removeLeftovers(root.resolve("checkpoints"));
    }

    /** Writes config.json, command.txt and manifest.json for a new run. */
    void describe(TrainingJob job) throws IOException {
        Files.createDirectories(root.resolve("checkpoints"));
        AtomicFiles.writeString(root.resolve("config.json"), JobJson.GSON.toJson(job) + "\n");
        AtomicFiles.writeString(
                root.resolve("command.txt"), String.join(" ", job.commandLine()) + "\n");
        JsonObject manifest = new JsonObject();
        manifest.addProperty("textvae", RunFolder.class.getPackage().getImplementationVersion());
        manifest.addProperty("djl", Engine.getDjlVersion());
        manifest.addProperty(
                "engine",
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        manifest.addProperty("java", System.getProperty("java.version"));
        manifest.addProperty(
                "threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        manifest.addProperty("seed", job.training().seed());
        manifest.addProperty("corpus", job.corpus().toString());
        manifest.addProperty("corpus_sha256", sha256(job.corpus()));
        if (job.validCorpus() != null) {
            manifest.addProperty("valid", job.validCorpus().toString());
            manifest.addProperty("valid_sha256", sha256(job.validCorpus()));
        }
        manifest.addProperty("vocabulary_sha256", sha256(job.vocabulary()));
        manifest.addProperty("started", Instant.now().toString());
        AtomicFiles.writeString(
                root.resolve("manifest.json"), JobJson.GSON.toJson(manifest) + "\n");
    }

    /**
     * Refuses to resume on a corpus or validation file other than the ones the run started with
     * (their SHA-256 is in manifest.json): the data order and the held-out sentences would not be
     * the run's, so the resumed run would not repeat the uninterrupted one and its validations
     * would not compare.
     */
    void requireUnchangedData(TrainingJob job) {
        requireUnchanged(job.corpus(), "corpus_sha256");
        if (job.validCorpus() != null) {
            requireUnchanged(job.validCorpus(), "valid_sha256");
        }
    }

    private void requireUnchanged(Path file, String key) {
        Path manifest = root.resolve("manifest.json");
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(file)) {
            return; // nothing to compare with; a missing file is reported when it is read
        }
        try {
            JsonElement recorded = manifestEntry(key);
            if (recorded != null && !recorded.getAsString().equals(sha256(file))) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        file
                                + " has changed since the run started (its SHA-256 is not the one"
                                + " in "
                                + manifest
                                + "); restore it to resume, or start a new run");
            }
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
