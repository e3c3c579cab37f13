package org.textvae.vocab;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.textvae.TextvaeException;

/**
 * Writes and checks the HuggingFace {@code tokenizer.json} of a word-level vocabulary. HF rejects
 * unknown top-level fields, so the segmentation is not stored separately: it is read back from the
 * pre-tokenizer (see {@link PreTokenizers}).
 */
final class TokenizerJson {

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private TokenizerJson() {}

    /**
     * Returns the file text for tokens listed in id order, the specials first; {@code lowercase}
     * adds HF's Lowercase normalizer.
     */
    static String write(List<String> tokens, Segmentation segmentation, boolean lowercase) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        root.add("added_tokens", addedTokens(tokens));
        // No Unicode normalization: NFC would fold CJK compatibility ideographs that the corpus
        // keeps as is. Lowercasing only when asked for.
        root.add("normalizer", lowercase ? type("Lowercase") : JsonNull.INSTANCE);
        root.add("pre_tokenizer", PreTokenizers.of(segmentation));
        root.add("post_processor", JsonNull.INSTANCE);
        // Without a decoder HF joins tokens with single spaces, which is what WORD and WHITESPACE
        // want (HF's word decoders would turn "do not" into "don't").
        root.add(
                "decoder",
                segmentation == Segmentation.CHARACTER ? type("Fuse") : JsonNull.INSTANCE);
        JsonObject model = type("WordLevel");
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.addProperty(tokens.get(id), id);
        }
        model.add("vocab", vocab);
        model.addProperty("unk_token", Vocabulary.UNK);
        root.add("model", model);
        return GSON.toJson(root) + "\n";
    }

    private static JsonArray addedTokens(List<String> tokens) {
        JsonArray added = new JsonArray();
        for (int id = 0; id < Vocabulary.SPECIALS.size(); id++) {
            JsonObject token = new JsonObject();
            token.addProperty("id", id);
            token.addProperty("content", tokens.get(id));
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            added.add(token);
        }
        return added;
    }

    static JsonObject type(String type) {
        JsonObject object = new JsonObject();
        object.addProperty("type", type);
        return object;
    }

    /** Reads the tokens by id and the segmentation, checking the parts textvae relies on. */
    static Parsed read(String json, String source) {
        JsonObject root;
        if (json.isBlank()) {
            throw invalid(source, "the file is empty");
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw invalid(source, malformed(e));
        }
        if (!parsed.isJsonObject()) {
            throw invalid(source, "not a JSON object");
        }
        root = parsed.getAsJsonObject();
        JsonObject model = object(root, "model", source);
        if (!"WordLevel".equals(string(model, "type"))) {
            throw invalid(source, "model type is " + string(model, "type") + ", not WordLevel");
        }
        String[] tokens = tokensById(object(model, "vocab", source), source);
        for (int id = 0; id < Vocabulary.SPECIALS.size(); id++) {
            if (id >= tokens.length || !Vocabulary.SPECIALS.get(id).equals(tokens[id])) {
                throw invalid(
                        source,
                        "special token " + Vocabulary.SPECIALS.get(id) + " must have id " + id);
            }
        }
        return new Parsed(
                tokens,
                PreTokenizers.segmentation(root.get("pre_tokenizer"), source),
                lowercase(root.get("normalizer"), source));
    }

    /**
     * Gson's messages name its own API and a troubleshooting page; the user needs only where the
     * file breaks.
     */
    private static String malformed(JsonParseException e) {
        Matcher at = LOCATION.matcher(String.valueOf(e.getMessage()));
        return at.find()
                ? "malformed JSON at line " + at.group(1) + " column " + at.group(2)
                : "malformed JSON";
    }

    private static String[] tokensById(JsonObject vocab, String source) {
        String[] tokens = new String[vocab.size()];
        for (Map.Entry<String, JsonElement> entry : vocab.entrySet()) {
            JsonElement value = entry.getValue();
            boolean number = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            int id = number ? value.getAsInt() : -1;
            if (id < 0 || id >= tokens.length || tokens[id] != null) {
                throw invalid(
                        source, "token ids must be 0.." + (tokens.length - 1) + " without gaps");
            }
            tokens[id] = entry.getKey();
        }
        return tokens;
    }

    private static boolean lowercase(JsonElement normalizer, String source) {
        if (normalizer == null || normalizer.isJsonNull()) {
            return false;
        }
        if (normalizer.isJsonObject()
                && "Lowercase".equals(string(normalizer.getAsJsonObject(), "type"))) {
            return true;
        }
        throw invalid(source, "normalizer is neither null nor Lowercase");
    }

    private static JsonObject object(JsonObject parent, String key, String source) {
        JsonElement element = parent.get(key);
        if (element == null || !element.isJsonObject()) {
            throw invalid(source, "no \"" + key + "\" object");
        }
        return element.getAsJsonObject();
    }

    static String string(JsonObject object, String key) {
        JsonElement element = object.get(key);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    static TextvaeException invalid(String source, String why) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT,
                source + ": invalid tokenizer (" + why + "); rebuild it with textvae vocab build");
    }

    /** The parts of a tokenizer.json that Java needs beside the native tokenizer. */
    record Parsed(String[] tokens, Segmentation segmentation, boolean lowercase) {}
}
