package org.textvae.vocab;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.textvae.TextvaeException;

/**
 * A word-level vocabulary backed by a HuggingFace {@code tokenizer.json} and DJL's native tokenizer
 * binding. Special tokens have fixed ids ({@link #PAD} 0, {@link #UNK} 1, {@link #BOS} 2, {@link
 * #EOS} 3) that the model relies on. Safe for concurrent use; close it to free the native
 * tokenizer.
 */
public final class Vocabulary implements AutoCloseable {

    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";

    /** The special tokens in id order. */
    public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);

    /** No specials added, no truncation, no padding: the model adds and pads by itself. */
    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final String json;
    private final String[] tokens;
    private final Map<String, Integer> ids;
    private final Segmentation segmentation;
    private final boolean lowercase;
    private final HuggingFaceTokenizer tokenizer;

    private Vocabulary(String json, TokenizerJson.Parsed parsed, HuggingFaceTokenizer tokenizer) {
        this.json = json;
        this.tokens = parsed.tokens();
        this.segmentation = parsed.segmentation();
        this.lowercase = parsed.lowercase();
        this.tokenizer = tokenizer;
        this.ids = new HashMap<>(tokens.length * 2);
        for (int id = 0; id < tokens.length; id++) {
            ids.put(tokens[id], id);
        }
    }

    /**
     * Loads a {@code tokenizer.json} file.
     *
     * @throws TextvaeException IO if unreadable, INPUT if it is not a valid textvae vocabulary
     */
    public static Vocabulary load(Path tokenizerJson) {
        String text;
        try {
            text = Files.readString(tokenizerJson, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    tokenizerJson
                            + ": not UTF-8 text, so not a tokenizer.json; rebuild it with textvae"
                            + " vocab build",
                    e);
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    tokenizerJson + ": cannot read (" + e.getMessage() + "); check the path",
                    e);
        }
        return fromJson(text, tokenizerJson.toString());
    }

    /** Loads the tokenizer text embedded in a checkpoint (see {@link #toJson()}). */
    public static Vocabulary fromJson(String json) {
        return fromJson(json, "embedded tokenizer.json");
    }

    static Vocabulary fromJson(String json, String source) {
        TokenizerJson.Parsed parsed = TokenizerJson.read(json, source);
        HuggingFaceTokenizer tokenizer;
        try {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bytes), OPTIONS);
        } catch (IOException | RuntimeException e) {
            throw TokenizerJson.invalid(
                    source, "the tokenizer library refused it: " + e.getMessage());
        }
        return new Vocabulary(json, parsed, tokenizer);
    }

    /** Returns the exact tokenizer.json text, to embed in checkpoints. */
    public String toJson() {
        return json;
    }

    /** Returns the number of tokens, the four specials included. */
    public int size() {
        return tokens.length;
    }

    public int padId() {
        return 0;
    }

    public int unkId() {
        return 1;
    }

    public int bosId() {
        return 2;
    }

    public int eosId() {
        return 3;
    }

    public Segmentation segmentation() {
        return segmentation;
    }

    /** Whether text is lowercased before it is encoded (vocab build --lowercase). */
    public boolean lowercase() {
        return lowercase;
    }

    /** Returns the token with this id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.length) {
            throw new IllegalArgumentException("token id " + id + " outside 0.." + (size() - 1));
        }
        return tokens[id];
    }

    /** Returns the id of a token, or {@link #unkId()} if it is not in the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, unkId());
    }

    /**
     * Returns the token ids of a sentence, without special tokens; unknown tokens become 1. So does
     * a literal {@code <pad>}, {@code <bos>} or {@code <eos>} in the text: read as itself, it would
     * end the sentence, pad it or restart it in the middle.
     */
    public int[] encode(String sentence) {
        long[] raw = nativeEncode(sentence).getIds();
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = isControl(raw[i]) ? unkId() : (int) raw[i];
        }
        return out;
    }

    /**
     * The token ids of each sentence that has any, in order: a sentence with no tokens cannot be
     * encoded, scored or decoded against, so it is dropped.
     */
    public List<int[]> encodeNonEmpty(List<String> sentences) {
        List<int[]> ids = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            int[] tokens = encode(sentence);
            if (tokens.length > 0) {
                ids.add(tokens);
            }
        }
        return ids;
    }

    /** Padding, begin or end: ids that only the model itself may place in a sequence. */
    private boolean isControl(long id) {
        return id == padId() || id == bosId() || id == eosId();
    }

    /**
     * Returns the tokens of a sentence that are not in the vocabulary, each once, in order of first
     * appearance. A literal {@code <unk>} in the text is not reported; a literal {@code <pad>},
     * {@code <bos>} or {@code <eos>} is, since {@link #encode} reads it as unknown.
     */
    public List<String> unknownTokens(String sentence) {
        Encoding encoding = nativeEncode(sentence);
        long[] raw = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == unkId() || isControl(raw[i])) {
                // The binding reports spans in code points; Java strings index UTF-16 units.
                int start = sentence.offsetByCodePoints(0, spans[i].getStart());
                int end =
                        sentence.offsetByCodePoints(start, spans[i].getEnd() - spans[i].getStart());
                String token = sentence.substring(start, end);
                if (!UNK.equals(token)) {
                    unknown.add(token);
                }
            }
        }
        return new ArrayList<>(unknown);
    }

    /**
     * Turns ids back into text: no spaces between tokens for CHARACTER, single spaces otherwise.
     * Padding, begin and end tokens are dropped; unknown tokens stay visible as {@code <unk>}.
     */
    public String decode(int[] ids) {
        long[] kept = new long[ids.length];
        int n = 0;
        for (int id : ids) {
            token(id); // rejects ids outside the vocabulary, which the native side would drop
            if (id != padId() && id != bosId() && id != eosId()) {
                kept[n++] = id;
            }
        }
        long[] trimmed = Arrays.copyOf(kept, n);
        synchronized (tokenizer) {
            return tokenizer.decode(trimmed, false);
        }
    }

    /**
     * Returns the share of the sentences' tokens that are in the vocabulary (not {@code <unk>}), or
     * NaN if there are no tokens.
     */
    public double coverage(Collection<String> sentences) {
        List<int[]> encoded = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            encoded.add(encode(sentence));
        }
        return knownShare(encoded);
    }

    /**
     * Returns the share of already encoded tokens that are not {@code <unk>}, or NaN if there are
     * none.
     */
    public double knownShare(Collection<int[]> encoded) {
        long total = 0;
        long known = 0;
        for (int[] ids : encoded) {
            for (int id : ids) {
                total++;
                known += id == unkId() ? 0 : 1;
            }
        }
        return total == 0 ? Double.NaN : (double) known / total;
    }

    private Encoding nativeEncode(String sentence) {
        // The native handle is shared; serializing calls costs little next to model work.
        synchronized (tokenizer) {
            return tokenizer.encode(sentence);
        }
    }

    /** Frees the native tokenizer; the vocabulary cannot encode or decode afterwards. */
    @Override
    public void close() {
        synchronized (tokenizer) {
            tokenizer.close();
        }
    }
}
