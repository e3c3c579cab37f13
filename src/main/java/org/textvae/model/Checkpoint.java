package org.textvae.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.textvae.TextvaeException;
import org.textvae.io.AtomicFiles;
import org.textvae.io.IoErrors;
import org.textvae.vocab.Vocabulary;

/**
 * A self-describing model file: a ZIP holding the model settings ({@code model.json}), the
 * vocabulary ({@code tokenizer.json}), the weights ({@code weights.params}) and, for training
 * checkpoints, extra entries (optimizer and run state). ZIP's CRCs catch truncated or corrupted
 * files, and writes are atomic, so a kill never leaves a half-written checkpoint behind.
 *
 * @param config the network's shape
 * @param tokenizerJson the vocabulary the network was trained with
 * @param weights the network's parameters as DJL writes them
 * @param extras further entries by name
 */
public record Checkpoint(
        ModelConfig config, String tokenizerJson, byte[] weights, Map<String, byte[]> extras) {

    /**
     * The entry that names the training run a checkpoint comes from: the instant it started, as its
     * run folder's manifest.json records it. Kept by {@code average}, which refuses to mix runs.
     */
    public static final String RUN_ENTRY = "run/started.txt";

    private static final String MODEL = "model.json";
    private static final String TOKENIZER = "tokenizer.json";
    private static final String WEIGHTS = "weights.params";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** Captures a network's current weights. */
    public static Checkpoint of(
            SentenceVaeNetwork network, String tokenizerJson, Map<String, byte[]> extras) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return new Checkpoint(network.config(), tokenizerJson, bytes.toByteArray(), extras);
    }

    /**
     * Writes the checkpoint atomically; on failure the previous file at {@code target} stays, and
     * the caller adds what to do next. Callers with their own wording use {@link #writeTo}.
     */
    public void write(Path target) {
        try {
            writeTo(target);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "could not write checkpoint "
                            + target
                            + ": "
                            + IoErrors.reason(e)
                            + " (the previous checkpoint, if any, is kept)",
                    e);
        }
    }

    /** The extra entry that names a run by when it {@code started}. */
    public static Map<String, byte[]> runEntry(String started) {
        return Map.of(RUN_ENTRY, started.getBytes(StandardCharsets.UTF_8));
    }

    /** When the training run that wrote this checkpoint started, if the checkpoint says. */
    public Optional<String> runStarted() {
        byte[] started = extras.get(RUN_ENTRY);
        return started == null
                ? Optional.empty()
                : Optional.of(new String(started, StandardCharsets.UTF_8));
    }

    /** Writes the checkpoint atomically, leaving the caller to say what a failure means. */
    public void writeTo(Path target) throws IOException {
        AtomicFiles.write(
                target,
                out -> {
                    ZipOutputStream zip = new ZipOutputStream(out);
                    putEntry(zip, MODEL, GSON.toJson(config).getBytes(StandardCharsets.UTF_8));
                    putEntry(zip, TOKENIZER, tokenizerJson.getBytes(StandardCharsets.UTF_8));
                    putEntry(zip, WEIGHTS, weights);
                    for (Map.Entry<String, byte[]> extra : extras.entrySet()) {
                        putEntry(zip, extra.getKey(), extra.getValue());
                    }
                    zip.finish();
                });
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Reads a checkpoint file, failing with a one-line message if it is missing or damaged. */
    public static Checkpoint read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.MODEL, "no checkpoint at " + file + ": train one first");
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot read checkpoint " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** Reads a checkpoint from a stream (for the model packed in the jar); names it in errors. */
    public static Checkpoint read(InputStream in, String name) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            // A corrupted entry name fails to decode with an IllegalArgumentException.
            throw damaged(name, "it is truncated or corrupted (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot read checkpoint " + name + ": " + e.getMessage(),
                    e);
        }
        byte[] model = entries.remove(MODEL);
        byte[] tokenizer = entries.remove(TOKENIZER);
        byte[] weights = entries.remove(WEIGHTS);
        if (model == null || tokenizer == null || weights == null) {
            throw damaged(name, "it lacks " + MODEL + ", " + TOKENIZER + " or " + WEIGHTS);
        }
        ModelConfig config;
        try {
            config = GSON.fromJson(new String(model, StandardCharsets.UTF_8), ModelConfig.class);
        } catch (RuntimeException e) {
            // Gson wraps the record constructor's IllegalArgumentException in a RuntimeException.
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw damaged(name, "its model settings are invalid (" + cause.getMessage() + ")");
        }
        if (config == null) {
            throw damaged(name, "its " + MODEL + " is empty");
        }
        return new Checkpoint(
                config, new String(tokenizer, StandardCharsets.UTF_8), weights, entries);
    }

    /**
     * Builds the network and loads the weights into {@code manager}. Parameters come back frozen
     * (no gradients), ready for inference; unfreeze them to train on.
     */
    public SentenceVaeNetwork network(NDManager manager) {
        return network(manager, "the checkpoint");
    }

    /** As {@link #network(NDManager)}, naming {@code source} (the file) in errors. */
    public SentenceVaeNetwork network(NDManager manager, String source) {
        SentenceVaeNetwork network = new SentenceVaeNetwork(config);
        // Initialising first gives every parameter the shape the settings imply, to check against.
        network.initialize(manager);
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            expected.put(parameter.getKey(), parameter.getValue().getShape());
            parameter.getValue().close();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            network.loadParameters(manager, in);
        } catch (EOFException e) {
            // Its message is null: "unreadable (null)" said nothing.
            throw damaged(source, "its weights end early");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw damaged(source, "its weights are unreadable (" + e.getMessage() + ")");
        }
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            Shape shape = parameter.getValue().getShape();
            if (!shape.equals(expected.get(parameter.getKey()))) {
                throw damaged(
                        source,
                        "weight "
                                + parameter.getKey()
                                + " has shape "
                                + shape
                                + " but its settings"
                                + " imply "
                                + expected.get(parameter.getKey()));
            }
        }
        network.freezeParameters(true);
        return network;
    }

    /**
     * The vocabulary the network was trained with. It must have as many tokens as the network has
     * rows, or the file was put together from mismatched parts.
     */
    public Vocabulary vocabulary(String source) {
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.fromJson(tokenizerJson);
        } catch (TextvaeException e) {
            // Its advice (rebuild the tokenizer.json) is for a user's file, not a model's part.
            throw damaged(source, "its embedded tokenizer is unreadable (" + e.getMessage() + ")");
        }
        if (vocabulary.size() != config.vocabSize()) {
            vocabulary.close();
            throw damaged(
                    source,
                    "its vocabulary has "
                            + vocabulary.size()
                            + " tokens but its network "
                            + config.vocabSize());
        }
        return vocabulary;
    }

    private static TextvaeException damaged(String name, String why) {
        return new TextvaeException(
                TextvaeException.Kind.MODEL,
                "cannot load checkpoint "
                        + name
                        + ": "
                        + why
                        + "; use another checkpoint or retrain");
    }
}
