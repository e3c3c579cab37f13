package org.textvae.vocab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The pre-tokenizer of each {@link Segmentation}, written with HuggingFace's own pre-tokenizers so
 * that any HuggingFace user who loads the vocabulary cuts text as textvae does, and the
 * segmentation read back from a tokenizer.json:
 *
 * <ul>
 *   <li>WHITESPACE: {@code WhitespaceSplit} alone;
 *   <li>WORD: {@code WhitespaceSplit}, then {@code Punctuation} (each punctuation character
 *       isolated);
 *   <li>CHARACTER: {@code WhitespaceSplit}, then a regex {@code Split} that isolates every
 *       character.
 * </ul>
 *
 * Word vocabularies written before punctuation was split hold {@code WhitespaceSplit} alone, so
 * they read as WHITESPACE and keep encoding exactly as they always did.
 */
final class PreTokenizers {

    /**
     * Isolates every extended grapheme cluster, what a reader sees as one character: 漢, 👍🏽,
     * 👨‍👩‍👧, 🇯🇵 or é written as e and a combining accent. Vocabularies written before hold
     * {@code .} (every code point) and keep it; both read as {@link Segmentation#CHARACTER}.
     */
    static final String CHARACTER_PATTERN = "\\X";

    private PreTokenizers() {}

    static JsonObject of(Segmentation segmentation) {
        JsonObject whitespace = TokenizerJson.type("WhitespaceSplit");
        return switch (segmentation) {
            case WHITESPACE -> whitespace;
            case WORD -> sequence(whitespace, punctuation());
            case CHARACTER -> sequence(whitespace, characterSplit());
        };
    }

    private static JsonObject punctuation() {
        JsonObject punctuation = TokenizerJson.type("Punctuation");
        punctuation.addProperty("behavior", "Isolated");
        return punctuation;
    }

    private static JsonObject characterSplit() {
        JsonObject pattern = new JsonObject();
        pattern.addProperty("Regex", CHARACTER_PATTERN);
        JsonObject split = TokenizerJson.type("Split");
        split.add("pattern", pattern);
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        return split;
    }

    private static JsonObject sequence(JsonObject first, JsonObject second) {
        JsonArray steps = new JsonArray();
        steps.add(first);
        steps.add(second);
        JsonObject sequence = TokenizerJson.type("Sequence");
        sequence.add("pretokenizers", steps);
        return sequence;
    }

    /** The segmentation a pre-tokenizer stands for; anything else is an invalid vocabulary. */
    static Segmentation segmentation(JsonElement pre, String source) {
        if (pre != null && pre.isJsonObject()) {
            JsonObject object = pre.getAsJsonObject();
            String type = TokenizerJson.string(object, "type");
            if ("WhitespaceSplit".equals(type)) {
                return Segmentation.WHITESPACE;
            }
            JsonElement steps = object.get("pretokenizers");
            if ("Sequence".equals(type)
                    && steps != null
                    && steps.isJsonArray()
                    && steps.getAsJsonArray().size() == 2
                    && "WhitespaceSplit".equals(step(steps, 0, "type"))) {
                String second = step(steps, 1, "type");
                if ("Split".equals(second)) {
                    return Segmentation.CHARACTER;
                }
                // Other behaviours merge punctuation into words, which tokenize() does not do.
                String behavior = step(steps, 1, "behavior");
                if ("Punctuation".equals(second)
                        && (behavior == null || "Isolated".equals(behavior))) {
                    return Segmentation.WORD;
                }
            }
        }
        throw TokenizerJson.invalid(
                source,
                "pre_tokenizer is neither WhitespaceSplit, nor WhitespaceSplit followed by an"
                        + " isolating Punctuation or a character Split");
    }

    private static String step(JsonElement steps, int index, String key) {
        JsonElement step = steps.getAsJsonArray().get(index);
        return step.isJsonObject() ? TokenizerJson.string(step.getAsJsonObject(), key) : null;
    }
}
