package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.textvae.TextvaeException;
import org.textvae.model.HostArrays;
import org.textvae.model.ModelConfig;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Latent codes to lines, in batches of {@link ChunkedDecoding#ROWS}, several side by side on worker
 * threads, each batch in an NDArray manager of its own: greedily, masked position by position,
 * sampled or by beam search. Every call checks its codes and settings first and runs while the
 * model is open; lines reach the sink in order, on the calling thread.
 */
public final class CodeDecoding implements AutoCloseable {

    private final NDManager model;
    private final ModelConfig config;
    private final Vocabulary vocabulary;
    private final TokenBatch.Specials specials;
    private final CodeDecoder decoder;
    private final ChunkedDecoding batches;
    private final ModelLifecycle lifecycle;

    /**
     * @param model the manager that holds the weights; each batch works in a sub-manager of it
     * @param workers batches decoded side by side (0: as the machine says)
     */
    public CodeDecoding(
            SentenceVaeNetwork network,
            Vocabulary vocabulary,
            NDManager model,
            int workers,
            ModelLifecycle lifecycle) {
        this.model = model;
        this.config = network.config();
        this.vocabulary = vocabulary;
        this.specials = TokenBatch.Specials.of(vocabulary);
        this.decoder = new CodeDecoder(network, specials, model);
        this.batches =
                workers > 0 ? new ChunkedDecoding(workers) : ChunkedDecoding.forThisMachine();
        this.lifecycle = lifecycle;
    }

    /** Batches decoded side by side. */
    public int workers() {
        return batches.workers();
    }

    /**
     * Greedy decoding.
     *
     * @param maxLength longest line, at most {@link DecodingLimits#MAX_LINE_TOKENS}
     * @param length exact tokens per line (0: until {@code <eos>} or {@code maxLength})
     * @param banned token ids never to emit, besides those no decoding emits
     */
    public void greedy(
            float[][] codes, int maxLength, int length, int[] banned, Consumer<List<String>> sink) {
        DecodingLimits.requirePositive("maximum length", maxLength);
        DecodingLimits.requireAtMost("maximum length", maxLength, DecodingLimits.MAX_LINE_TOKENS);
        // A longer exact length used to win silently, past the longest line asked for.
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException(
                    "length must be 0 (free) or 1 to the maximum length ("
                            + maxLength
                            + "), got "
                            + length);
        }
        Objects.requireNonNull(banned, "banned token ids (give an empty array for none)");
        for (int id : banned) {
            if (id < 0 || id >= vocabulary.size()) {
                throw new IllegalArgumentException(
                        "banned token id " + id + " is not in 0.." + (vocabulary.size() - 1));
            }
        }
        run(codes, (call, z, batch) -> decoder.greedy(call, z, maxLength, length, banned), sink);
    }

    /** Greedy decoding with line i's tokens restricted by {@code masks}' line i. */
    public void masked(float[][] codes, PositionMasks masks, Consumer<List<String>> sink) {
        Objects.requireNonNull(masks, "masks");
        Objects.requireNonNull(codes, "codes");
        if (masks.lines() != codes.length) {
            throw new IllegalArgumentException(
                    "one line of masks per code: " + masks.lines() + " for " + codes.length);
        }
        DecodingLimits.requireAtMost(
                "masked positions", masks.positions(), DecodingLimits.MAX_LINE_TOKENS);
        if (masks.largestToken() >= vocabulary.size()) {
            throw new IllegalArgumentException(
                    "a mask allows token id "
                            + masks.largestToken()
                            + ", past the vocabulary's "
                            + vocabulary.size());
        }
        BitSet never = new BitSet();
        never.set(specials.pad());
        never.set(specials.bos());
        never.set(specials.unk());
        if (masks.someSetOnlyWithin(never)) {
            throw new IllegalArgumentException(
                    "a mask allows only tokens no decoding writes (<pad>, <bos>, <unk>)");
        }
        run(
                codes,
                (call, z, batch) -> {
                    int from = batch * ChunkedDecoding.ROWS;
                    int rows = (int) z.getShape().get(0);
                    return decoder.masked(call, z, masks.lines(from, from + rows));
                },
                sink);
    }

    /**
     * Decoding as {@code options} say. When sampling, each batch draws from its own generator,
     * seeded from {@code options.seed()} and the batch's position, so the lines do not depend on
     * how many threads decode them.
     *
     * @param progress told the lines decoded so far after each batch, one call at a time
     */
    public void decode(
            float[][] codes,
            DecodingOptions options,
            IntConsumer progress,
            Consumer<List<String>> sink) {
        Objects.requireNonNull(progress, "progress");
        run(codes, withOptions(codes, options, progress), sink);
    }

    /** Greedy decoding up to {@link DecodingLimits#DEFAULT_MAX_LENGTH} tokens. */
    void greedily(float[][] codes, Consumer<List<String>> sink) {
        greedy(codes, DecodingLimits.DEFAULT_MAX_LENGTH, 0, new int[0], sink);
    }

    private Strategy withOptions(float[][] codes, DecodingOptions options, IntConsumer progress) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(options, "decoding options");
        DecodingLimits.requireAtMost(
                "maximum length", options.maxLength(), DecodingLimits.MAX_LINE_TOKENS);
        if (options.beamWidth() >= vocabulary.size()) {
            throw new IllegalArgumentException(
                    "beam width must be smaller than the vocabulary ("
                            + vocabulary.size()
                            + " tokens), got "
                            + options.beamWidth());
        }
        long[] seeds = batchSeeds(options.seed(), ChunkedDecoding.batches(codes.length));
        int[] done = {0};
        return (call, z, batch) -> {
            List<int[]> lines = decoder.decode(call, z, options, seeds[batch]);
            synchronized (done) {
                done[0] += lines.size();
                progress.accept(done[0]);
            }
            return lines;
        };
    }

    private static long[] batchSeeds(long seed, int batches) {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[batches];
        for (int i = 0; i < batches; i++) {
            seeds[i] = root.nextLong();
        }
        return seeds;
    }

    private interface Strategy {
        List<int[]> decode(NDManager call, NDArray z, int batch);
    }

    private void run(float[][] codes, Strategy strategy, Consumer<List<String>> sink) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(sink, "sink");
        lifecycle.whileOpen(() -> runOpen(codes, strategy, sink));
    }

    private void runOpen(float[][] codes, Strategy strategy, Consumer<List<String>> sink) {
        requireLatentSpace(config, "decode from");
        if (codes.length == 0) {
            return;
        }
        for (float[] code : codes) {
            LatentCodes.require(code, config.latentSize());
        }
        batches.decodeInOrder(
                codes,
                (index, part) ->
                        lifecycle.onWorker(
                                () -> {
                                    try (NDManager call = model.newSubManager()) {
                                        NDArray z =
                                                HostArrays.floats(
                                                        call,
                                                        LatentCodes.flatten(part),
                                                        new Shape(
                                                                part.length, config.latentSize()));
                                        return strategy.decode(call, z, index);
                                    }
                                }),
                ids -> {
                    List<String> lines = new ArrayList<>(ids.size());
                    for (int[] line : ids) {
                        lines.add(vocabulary.decode(line));
                    }
                    sink.accept(lines);
                });
    }

    /** A language model ignores z: decoding codes would repeat its one greedy line. */
    public static void requireLatentSpace(ModelConfig config, String use) {
        if (!config.kind().hasLatent()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "a language model has no latent space to " + use);
        }
    }

    @Override
    public void close() {
        batches.close();
    }
}
