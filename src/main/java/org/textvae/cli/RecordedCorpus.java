package org.textvae.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;

/**
 * The corpus a command scores a model on when {@code --corpus} is not given: the one the model's
 * run folder recorded in its {@code config.json}, so that a model trained on an English corpus is
 * not scored on Tang lines; the Tang lines for the shipped model and for a bare checkpoint.
 */
final class RecordedCorpus {

    /** The shipped model's corpus. */
    static final Path TANG = Path.of("corpora/tang.csv.gz");

    /** How the option's help names the default. */
    static final String DEFAULT_TEXT =
            "the corpus the model's run recorded, else " + "corpora/tang.csv.gz";

    private RecordedCorpus() {}

    /**
     * @param given the {@code --corpus} option, or null
     * @param model the {@code --model} path (run folder, its checkpoints folder or a checkpoint
     *     file), or null for the shipped model
     * @throws TextvaeException USAGE when the run recorded a corpus that is not readable here
     */
    static Path of(Path given, Path model) {
        if (given != null) {
            return given;
        }
        requireModel(model);
        Path run = model == null ? null : RunFolders.of(model);
        Path config = run == null ? null : run.resolve("config.json");
        String recorded = config == null ? null : corpusIn(config);
        if (recorded == null) {
            return TANG;
        }
        Path corpus = Path.of(recorded);
        if (!Files.isReadable(corpus)) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "the run "
                            + config.getParent()
                            + " was trained on "
                            + recorded
                            + ", which is not readable from here; give --corpus");
        }
        return corpus;
    }

    /**
     * Reports a missing model before anything about the corpus: reading a corpus takes seconds, and
     * a mistyped --model is the likelier mistake.
     */
    private static void requireModel(Path model) {
        if (model == null) {
            return;
        }
        Path file = ModelFiles.checkpointFile(model); // names a folder without checkpoints
        if (!Files.isRegularFile(file)) {
            Checkpoint.read(file); // throws the one-line error every command gives
        }
    }

    /** The corpus a run's config names, or null when it names none or is not a run's config. */
    private static String corpusIn(Path config) {
        try {
            JsonElement tree = JsonParser.parseString(Files.readString(config));
            JsonElement corpus = tree.isJsonObject() ? tree.getAsJsonObject().get("corpus") : null;
            return corpus != null && corpus.isJsonPrimitive() ? corpus.getAsString() : null;
        } catch (IOException | JsonParseException e) {
            return null; // not a run's config: the default corpus, as for a bare checkpoint
        }
    }
}
