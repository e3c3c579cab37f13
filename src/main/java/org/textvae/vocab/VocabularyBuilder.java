package org.textvae.vocab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.io.IoErrors;

/**
 * Counts tokens in training sentences and writes the vocabulary as a HuggingFace {@code
 * tokenizer.json}. The result is a pure function of the sentences and options: tokens seen at least
 * {@code minFrequency} times are kept, most frequent first, ties broken by {@link
 * String#compareTo}, cut at {@code maxSize}; the four specials come first with ids 0..3.
 */
public final class VocabularyBuilder {

    /** Most frequent first, then alphabetical, so equal counts never depend on hash order. */
    private static final Comparator<Map.Entry<String, Long>> ORDER =
            Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey());

    private final VocabularyOptions options;
    private final Map<String, Long> counts = new HashMap<>();

    public VocabularyBuilder(VocabularyOptions options) {
        this.options = options;
    }

    /** Counts the tokens of one sentence. Special tokens in the text are not counted. */
    public VocabularyBuilder add(String sentence) {
        for (String token : options.segmentation().tokenize(sentence)) {
            if (!Vocabulary.SPECIALS.contains(token)) {
                counts.merge(token, 1L, Long::sum);
            }
        }
        return this;
    }

    /** Counts the tokens of every sentence. */
    public VocabularyBuilder addAll(Iterable<String> sentences) {
        sentences.forEach(this::add);
        return this;
    }

    /** Returns the kept tokens in id order, without the specials. */
    public List<String> tokens() {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= options.minFrequency())
                .sorted(ORDER)
                .limit(options.maxSize())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Returns the tokenizer.json text. */
    public String toJson() {
        List<String> all = new ArrayList<>(Vocabulary.SPECIALS);
        all.addAll(tokens());
        return TokenizerJson.write(all, options.segmentation());
    }

    /**
     * Writes the tokenizer.json beside its target and renames it into place, so readers never see
     * half a file.
     */
    public void write(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // A fixed sibling name keeps the usual file permissions (createTempFile would make it
            // private).
            temp = out.resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
            Files.move(
                    temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // The write failure is the error worth reporting.
            }
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }

    /**
     * Builds a vocabulary from a corpus's training split, writes it to {@code out} and loads it
     * back, so that what is returned is exactly what the file holds.
     */
    public static Vocabulary build(Corpus corpus, VocabularyOptions options, Path out) {
        VocabularyBuilder builder = new VocabularyBuilder(options).addAll(corpus.train());
        if (builder.tokens().isEmpty()) {
            // Only the special tokens: every sentence would read as <unk>, so nothing is written.
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "no token occurs "
                            + options.minFrequency()
                            + " times or more in the training split of "
                            + corpus.name()
                            + "; lower --min-frequency");
        }
        builder.write(out);
        return Vocabulary.load(out);
    }
}
