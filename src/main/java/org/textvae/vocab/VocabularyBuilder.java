package org.textvae.vocab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.io.AtomicFiles;
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
    private final CountCheck check = new CountCheck();

    public VocabularyBuilder(VocabularyOptions options) {
        this.options = options;
    }

    /**
     * Counts the tokens of one sentence. Special tokens in the text are not counted, nor are tokens
     * longer than {@link Segmentation#MAX_TOKEN_LENGTH} characters (see {@link #warnings()}).
     */
    public VocabularyBuilder add(String sentence) {
        for (String token : options.segmentation().tokenize(sentence, options.lowercase())) {
            int length = token.codePointCount(0, token.length());
            if (length > Segmentation.MAX_TOKEN_LENGTH) {
                check.leftOut(length);
            } else if (!Vocabulary.SPECIALS.contains(token)) {
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

    /**
     * Returns one line for each sign that the text was cut the wrong way (over-long tokens, mostly
     * one-off tokens), each naming the remedy; empty when the counts look like words.
     */
    public List<String> warnings() {
        return check.warnings(counts, options.segmentation());
    }

    /** Returns the tokenizer.json text. */
    public String toJson() {
        List<String> all = new ArrayList<>(Vocabulary.SPECIALS);
        all.addAll(tokens());
        return TokenizerJson.write(all, options.segmentation(), options.lowercase());
    }

    /** Writes the tokenizer.json atomically, so readers never see half a file. */
    public void write(Path out) {
        try {
            AtomicFiles.writeString(out, toJson());
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot write " + out + ": " + IoErrors.reason(e), e);
        }
    }

    /** As {@link #build(Corpus, VocabularyOptions, Path, Consumer)}, dropping the warnings. */
    public static Vocabulary build(Corpus corpus, VocabularyOptions options, Path out) {
        return build(corpus, options, out, warning -> {});
    }

    /**
     * Builds a vocabulary from a corpus's training split, writes it to {@code out} and loads it
     * back, so that what is returned is exactly what the file holds. Each of {@link #warnings()}
     * goes to {@code warn} before the file is written.
     */
    public static Vocabulary build(
            Corpus corpus, VocabularyOptions options, Path out, Consumer<String> warn) {
        if (corpus.train().isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    ("%s has no train sentences (%,d valid, %,d test); the vocabulary comes"
                                    + " from the train split, so mark some rows train")
                            .formatted(corpus.name(), corpus.valid().size(), corpus.test().size()));
        }
        VocabularyBuilder builder = new VocabularyBuilder(options).addAll(corpus.train());
        if (builder.counts.isEmpty() && builder.check.overlong() > 0) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    ("every token of the training split of %s is longer than %d characters; %s")
                            .formatted(
                                    corpus.name(),
                                    Segmentation.MAX_TOKEN_LENGTH,
                                    CountCheck.remedy()));
        }
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
        builder.warnings().forEach(warn);
        builder.write(out);
        return Vocabulary.load(out);
    }
}
