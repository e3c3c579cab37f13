package org.textvae.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.LengthBuckets;
import org.textvae.io.FileKind;
import org.textvae.vocab.Vocabulary;

/**
 * The token ids a run trains and validates on. Sentences that are empty after tokenisation or
 * longer than the maximum length are skipped and counted, never dropped silently.
 *
 * @param train training sentences as token ids (no specials)
 * @param valid validation sentences as token ids
 * @param skipped sentences (or corpus lines) left out, with the reasons in the run's log
 */
public record TrainingData(List<int[]> train, List<int[]> valid, int skipped) {

    /**
     * Every {@code HOLD_OUT}-th training sentence validates when the corpus has no valid split
     * (every second one at least, for corpora under 100 sentences).
     */
    private static final int HOLD_OUT = 50;

    /**
     * Below this share of known training tokens the vocabulary was built for another corpus: the
     * model would learn to write {@code <unk>}. Real pairs here know 97% or more (ptb: 95%).
     */
    static final double MIN_COVERAGE = 0.5;

    /**
     * Sentences split as a run splits a corpus that has no validation split.
     *
     * @param stride one sentence in {@code stride} is held out
     */
    public record Split<T>(List<T> kept, List<T> heldOut, int stride) {}

    /**
     * Holds out every {@code HOLD_OUT}-th sentence (every second one, for under 100), the same
     * sentences a run on this corpus validated on and did not train on.
     */
    public static <T> Split<T> holdOut(List<T> sentences) {
        int stride = Math.min(HOLD_OUT, Math.max(2, sentences.size() / 2));
        List<T> kept = new ArrayList<>();
        List<T> heldOut = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            (i % stride == stride - 1 ? heldOut : kept).add(sentences.get(i));
        }
        return new Split<>(List.copyOf(kept), List.copyOf(heldOut), stride);
    }

    /** Reads and encodes the job's corpus; {@code log} receives one line per notable fact. */
    public static TrainingData load(TrainingJob job, Vocabulary vocabulary, Consumer<String> log) {
        Path validFile = job.validCorpus();
        // Before the corpus, which may take a while to read; and CorpusReader names --corpus.
        String special = validFile == null ? null : FileKind.ofSpecial(validFile);
        if (special != null && !special.equals("a folder")) {
            throw CorpusReader.notRegular(validFile, special, "--valid");
        }
        if (validFile != null
                && (!Files.isRegularFile(validFile) || !Files.isReadable(validFile))) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    validFile + ": no such readable file; check the --valid path");
        }
        Corpus corpus = CorpusReader.read(job.corpus());
        int maxLength = job.training().maxLength();
        int[] skipped = {corpus.skipped()};
        List<int[]> train = encode(corpus.train(), vocabulary, maxLength, skipped);
        List<int[]> valid;
        if (validFile != null) {
            Corpus validCorpus = CorpusReader.read(validFile);
            List<String> lines = new ArrayList<>(validCorpus.train());
            lines.addAll(validCorpus.valid());
            lines.addAll(validCorpus.test());
            valid = encode(lines, vocabulary, maxLength, skipped);
        } else if (!corpus.valid().isEmpty()) {
            valid = encode(corpus.valid(), vocabulary, maxLength, skipped);
        } else {
            Split<int[]> split = holdOut(train);
            train = split.kept();
            valid = split.heldOut();
            log.accept(
                    String.format(
                            "no validation split: holding out one sentence in %d (%,d sentences)",
                            split.stride(), valid.size()));
        }
        if (train.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    job.corpus()
                            + " has no usable training sentence of at most "
                            + maxLength
                            + " tokens; check the file or raise --max-length");
        }
        if (valid.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "no usable validation sentence in " + job.corpus() + "; pass --valid FILE");
        }
        double coverage = vocabulary.knownShare(train);
        if (coverage < MIN_COVERAGE) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    String.format(
                            "%s knows only %.1f%% of the tokens of %s; build a vocabulary from this"
                                    + " corpus with 'textvae vocab build --corpus %s'",
                            job.vocabulary(), 100 * coverage, job.corpus(), job.corpus()));
        }
        log.accept(
                String.format(
                        "vocabulary: %,d tokens, %.2f%% of training tokens known (the rest <unk>)",
                        vocabulary.size(), 100 * coverage));
        log.accept(
                String.format(
                        "corpus: %,d training and %,d validation sentences; %,d skipped"
                                + " (unusable lines, empty, or longer than %d tokens)",
                        train.size(), valid.size(), skipped[0], maxLength));
        return new TrainingData(List.copyOf(train), List.copyOf(valid), skipped[0]);
    }

    private static List<int[]> encode(
            List<String> lines, Vocabulary vocabulary, int maxLength, int[] skipped) {
        List<int[]> encoded = new ArrayList<>(lines.size());
        for (String line : lines) {
            int[] ids = vocabulary.encode(line);
            if (ids.length == 0 || ids.length > maxLength) {
                skipped[0]++;
            } else {
                encoded.add(ids);
            }
        }
        return encoded;
    }

    /** Target tokens in the training split, {@code <eos>} included. */
    /** The training split in batches of sentences of one length, {@code batchSize} to a batch. */
    LengthBuckets buckets(int batchSize) {
        return new LengthBuckets(train, batchSize);
    }

    public long trainTokens() {
        long tokens = 0;
        for (int[] sentence : train) {
            tokens += sentence.length + 1;
        }
        return tokens;
    }
}
