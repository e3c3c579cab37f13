package org.textvae.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.textvae.TextvaeException;
import org.textvae.io.IoErrors;

/**
 * A run folder's {@code config.json} checked against the job its checkpoint holds, before a resume:
 * the checkpoint's settings are the ones a resumed run uses, so a config.json that is damaged, or
 * edited in the hope of changing a setting, would otherwise be ignored without a word and describe
 * the run wrongly from then on.
 */
final class RecordedConfig {

    /** Settings that {@code --resume --epochs/--max-steps} changes after config.json is written. */
    private static final Set<String> EXTENDABLE = Set.of("training.epochs", "training.maxSteps");

    private static final String[] SECTIONS = {"model", "training"};

    private RecordedConfig() {}

    /**
     * @param file the run folder's config.json; a missing one is not checked
     * @param recorded the job in the run's last checkpoint
     * @throws TextvaeException INPUT naming the file and the first field that is missing, of the
     *     wrong type, or different from the checkpoint's
     */
    static void requireConsistent(Path file, TrainingJob recorded) {
        if (!Files.exists(file)) {
            return;
        }
        JsonElement config;
        try {
            config = JsonParser.parseString(Files.readString(file));
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot read " + file + " (" + IoErrors.reason(e) + ")",
                    e);
        } catch (JsonParseException e) {
            throw invalid(file, "is not JSON");
        }
        if (!config.isJsonObject()) {
            throw invalid(file, "is not a JSON object with the run's model and training settings");
        }
        // Through text, so that numbers compare as written (a float's double is not 0.001).
        JsonObject expected =
                JsonParser.parseString(JobJson.GSON.toJson(recorded)).getAsJsonObject();
        // Settings only: a resume records the paths as it found them, config.json as typed.
        for (String section : SECTIONS) {
            JsonObject want = new JsonObject();
            want.add(section, expected.get(section));
            compare(file, "", want, config.getAsJsonObject());
        }
    }

    private static void compare(Path file, String prefix, JsonObject expected, JsonObject actual) {
        for (Map.Entry<String, JsonElement> entry : expected.entrySet()) {
            String field = prefix + entry.getKey();
            JsonElement want = entry.getValue();
            JsonElement have = actual.get(entry.getKey());
            if (have == null) {
                throw invalid(file, "has no field " + field);
            }
            if (want.isJsonObject() != have.isJsonObject() || !sameKind(want, have)) {
                throw invalid(file, "field " + field + " is " + kind(have) + ", not " + kind(want));
            }
            if (want.isJsonObject()) {
                compare(file, field + ".", want.getAsJsonObject(), have.getAsJsonObject());
            } else if (!want.equals(have) && !EXTENDABLE.contains(field)) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        file
                                + " field "
                                + field
                                + " is "
                                + abbreviated(have)
                                + " but the run's checkpoint holds "
                                + abbreviated(want)
                                + ": a resumed run keeps its settings; undo the edit, or start a"
                                + " new run with the new setting");
            }
        }
    }

    private static boolean sameKind(JsonElement want, JsonElement have) {
        return kind(want).equals(kind(have));
    }

    private static String kind(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.getAsJsonPrimitive().isNumber()) {
            return "a number";
        }
        return value.getAsJsonPrimitive().isBoolean() ? "true or false" : "a string";
    }

    private static String abbreviated(JsonElement value) {
        String text = value.toString().replaceAll("\\s+", " ");
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static TextvaeException invalid(Path file, String why) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT,
                file + " " + why + "; it records the run's settings, so restore it to resume");
    }
}
