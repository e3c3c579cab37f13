package org.textvae.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
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

    static final String JOB_ENTRY = "training/job.json";
    static final String STATE_ENTRY = "training/state.json";
    static final String OPTIMIZER_ENTRY = "training/optimizer.ndlist";

    private final Path root;

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
        Checkpoint.of(network, tokenizerJson, Map.of()).write(epochCheckpoint(epoch));
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
        manifest.addProperty("vocabulary_sha256", sha256(job.vocabulary()));
        manifest.addProperty("started", Instant.now().toString());
        AtomicFiles.writeString(
                root.resolve("manifest.json"), JobJson.GSON.toJson(manifest) + "\n");
    }

    /** Saves the network, its vocabulary and, for resuming, the job, state and optimizer. */
    void save(
            Path target,
            SentenceVaeNetwork network,
            String tokenizerJson,
            TrainingJob job,
            TrainingState state,
            AdamOptimizer optimizer,
            FactorVaePenalty factorVae) {
        Map<String, byte[]> extras = new LinkedHashMap<>();
        extras.put(JOB_ENTRY, utf8(JobJson.GSON.toJson(job)));
        extras.put(STATE_ENTRY, utf8(JobJson.GSON.toJson(state)));
        extras.put(OPTIMIZER_ENTRY, optimizer.state().encode());
        if (factorVae != null) {
            factorVae.saveTo(extras);
        }
        Checkpoint.of(network, tokenizerJson, extras).write(target);
    }

    /** The job recorded in a checkpoint, for {@code --resume}. */
    static TrainingJob job(Checkpoint checkpoint, Path file) {
        return parse(checkpoint, JOB_ENTRY, TrainingJob.class, file);
    }

    static TrainingState state(Checkpoint checkpoint, Path file) {
        return parse(checkpoint, STATE_ENTRY, TrainingState.class, file);
    }

    static NDList optimizerState(Checkpoint checkpoint, NDManager manager, Path file) {
        byte[] bytes = checkpoint.extras().get(OPTIMIZER_ENTRY);
        if (bytes == null) {
            throw notResumable(file, "it holds no optimizer state");
        }
        return NDList.decode(manager, bytes);
    }

    private static <T> T parse(Checkpoint checkpoint, String entry, Class<T> type, Path file) {
        byte[] bytes = checkpoint.extras().get(entry);
        if (bytes == null) {
            throw notResumable(file, "it holds no " + entry);
        }
        try {
            return JobJson.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw notResumable(file, entry + " is invalid (" + e.getMessage() + ")");
        }
    }

    private static TextvaeException notResumable(Path file, String why) {
        return new TextvaeException(
                TextvaeException.Kind.MODEL,
                "cannot resume from " + file + ": " + why + "; start a new run instead");
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
