package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.EngineDefaults;
import org.textvae.model.HostArrays;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelFiles;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.prior.LatentPrior;
import org.textvae.prior.PosteriorMixture;
import org.textvae.prior.PriorEntry;
import org.textvae.vocab.Vocabulary;

/**
 * The library entry point: load a trained model, then encode, decode, sample, reconstruct and
 * interpolate sentences, with no command line involved. No decoding, greedy, sampled or by beam
 * search, writes {@code <unk>}: an unknown input character is reported in {@link
 * Encoding#unknownTokens()}, never echoed as the token.
 *
 * <p>Thread-safe: the weights are read-only after loading and every call works in its own NDArray
 * manager, so one instance can serve many threads. Close it to free native memory; {@link #close()}
 * waits for calls in progress, and later calls that run the model or its tokenizer throw {@link
 * IllegalStateException} (those that only report settings, such as {@link #config()}, or draw
 * codes, {@link #priorSamples}, still answer). Closing from inside a call, such as a progress
 * callback, is refused rather than left to wait for itself.
 */
public final class SentenceVae implements AutoCloseable {

    /** Longest line decoded when no length is forced. */
    public static final int DEFAULT_MAX_LENGTH = 40;

    /**
     * Longest line that can be asked for, in tokens. Each decoding step keeps its arrays until the
     * call ends, so an unbounded length grew until the system killed the process.
     */
    public static final int MAX_LINE_TOKENS = 512;

    /**
     * Most codes drawn, lines sampled or points on a path in one call, as {@code generate -n}
     * allows: all are held at once, and a count of 2^31 failed with an OutOfMemoryError.
     */
    public static final int MAX_COUNT = 1_000_000;

    /** The most beams a reconstruction or a path is decoded with. */
    public static final int MAX_BEAM = 16;

    static {
        EngineDefaults.apply();
    }

    private final NDManager manager;
    private final SentenceVaeNetwork network;
    private final Vocabulary vocabulary;
    private final TokenBatch.Specials specials;
    private final CodeDecoder decoder;
    private final SentenceEncoder encoder;
    private final ChunkedDecoding batches;
    private final BulkDecoding bulk;
    private final String source;
    private final LatentPrior prior;
    private final Map<String, byte[]> entries;

    /** Calls hold the read lock; close takes the write lock, so it never frees weights in use. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

    /**
     * Set on a thread while it decodes a batch for a call, which may be a pool thread holding no
     * lock of its own: a progress callback there that closed the model would wait for its call.
     */
    private final ThreadLocal<Boolean> decoding = ThreadLocal.withInitial(() -> false);

    private boolean closed;

    private SentenceVae(Checkpoint checkpoint, String source, int workers) {
        this.source = source;
        this.manager = NDManager.newBaseManager();
        try {
            this.network = checkpoint.network(manager, source);
            this.vocabulary = checkpoint.vocabulary(source);
            this.prior = PriorEntry.of(checkpoint, source);
            this.entries = Map.copyOf(checkpoint.extras());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.specials = TokenBatch.Specials.of(vocabulary);
        this.decoder = new CodeDecoder(network, specials, manager);
        this.encoder = new SentenceEncoder(network, specials);
        this.batches =
                workers > 0 ? new ChunkedDecoding(workers) : ChunkedDecoding.forThisMachine();
        this.bulk =
                new BulkDecoding(
                        ids -> encoder.encode(manager, ids).means(),
                        this::greedily,
                        BulkDecoding.WINDOW);
    }

    /**
     * Loads a model from a checkpoint file or a run folder (its best checkpoint, else its last).
     */
    public static SentenceVae load(Path path) {
        Objects.requireNonNull(path, "the model path is null");
        return load(path, 0);
    }

    /** As {@link #load(Path)}, with a fixed number of decoding workers (0: as the machine says). */
    static SentenceVae load(Path path, int workers) {
        Path file = ModelFiles.checkpointFile(path);
        return new SentenceVae(Checkpoint.read(file), file.toString(), workers);
    }

    /** Loads the model packed into the jar (trained on the Tang poems corpus). */
    public static SentenceVae loadDefault() {
        return new SentenceVae(ModelFiles.readDefault(), "the default model", 0);
    }

    public ModelConfig config() {
        return network.config();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * How many batches of lines decode side by side: one per core that PyTorch's intra-op threads
     * leave free. Start the JVM with {@code -Dai.djl.pytorch.num_threads=1} (or call {@link
     * EngineDefaults#preferBatchParallelism()} before loading) for one per core, the fastest
     * setting for generating many lines.
     */
    public int decodingWorkers() {
        return batches.workers();
    }

    /** Where the model was loaded from, for messages. */
    public String source() {
        return source;
    }

    /**
     * Where {@link #priorSamples} draws codes from: the prior fitted to the model's posterior when
     * its checkpoint holds one ({@code textvae prior}), else N(0, I).
     */
    public LatentPrior prior() {
        return prior;
    }

    /**
     * A further entry of the checkpoint, such as the prior's {@code prior.json} or a poem model's
     * {@code succession.json}: its bytes, if the checkpoint holds it.
     */
    public Optional<byte[]> entry(String name) {
        byte[] bytes = entries.get(name);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /** n lines decoded greedily from codes drawn from the {@link #prior()}; the seed fixes them. */
    public List<String> sample(int n, long seed) {
        return decodeAll(priorSamples(n, seed), DEFAULT_MAX_LENGTH, 0, new int[0]);
    }

    /** n lines from codes of the {@link #prior()} decoded as {@code options} say. */
    public List<String> sample(int n, long seed, DecodingOptions options) {
        return decodeAll(priorSamples(n, seed), options);
    }

    /**
     * n latent codes drawn from the {@link #prior()} by a generator seeded with {@code seed}: noise
     * u ~ N(0, I), mapped where the training sentences' codes lie if the model has a fitted prior.
     * n from 1 to {@link #MAX_COUNT}.
     */
    public float[][] priorSamples(int n, long seed) {
        requirePositive("count", n);
        requireAtMost("count", n, MAX_COUNT);
        return prior.sample(n, seed);
    }

    /**
     * n codes for lines of {@code tokens} tokens: from the kept posteriors of the training lines of
     * that length when the model's prior holds them ({@code textvae prior --kind posteriors}),
     * which the decoder reads as lines it means to end there; else from the {@link #prior()} as it
     * is.
     */
    public float[][] priorSamplesOfLength(int n, int tokens, long seed) {
        requirePositive("count", n);
        requireAtMost("count", n, MAX_COUNT);
        if (prior instanceof PosteriorMixture kept && kept.countOfLength(tokens) > 0) {
            return kept.ofLength(tokens).sample(n, seed);
        }
        return prior.sample(n, seed);
    }

    /**
     * Decodes latent codes greedily, in batches of {@link ChunkedDecoding#ROWS}.
     *
     * @param maxLength longest line, at most {@link #MAX_LINE_TOKENS}
     * @param length exact tokens per line (0: until {@code <eos>} or {@code maxLength}), at most
     *     {@code maxLength}
     * @param banned token ids never to emit, besides {@code <pad>}, {@code <bos>} and {@code
     *     <unk>}, which no decoding emits
     */
    public List<String> decodeAll(float[][] codes, int maxLength, int length, int[] banned) {
        requirePositive("maximum length", maxLength);
        requireAtMost("maximum length", maxLength, MAX_LINE_TOKENS);
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
        return run(codes, (call, z, batch) -> decoder.greedy(call, z, maxLength, length, banned));
    }

    /**
     * Decodes latent codes greedily with each line's tokens restricted position by position
     * (constrained decoding): line i from {@code codes[i]} under {@code masks}' line i. A line ends
     * at {@code <eos>} where its mask allows it, or after {@code masks.positions()} tokens; {@code
     * <pad>}, {@code <bos>} and {@code <unk>} are never written, whatever a mask allows.
     */
    public List<String> decodeAll(float[][] codes, PositionMasks masks) {
        Objects.requireNonNull(masks, "masks");
        if (masks.lines() != codes.length) {
            throw new IllegalArgumentException(
                    "one line of masks per code: " + masks.lines() + " for " + codes.length);
        }
        requireAtMost("masked positions", masks.positions(), MAX_LINE_TOKENS);
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
        return run(
                codes,
                (call, z, batch) -> {
                    int from = batch * ChunkedDecoding.ROWS;
                    int rows = (int) z.getShape().get(0);
                    return decoder.masked(call, z, masks.lines(from, from + rows));
                });
    }

    /**
     * Decodes latent codes as {@code options} say (greedy, sampling or beam search). When sampling,
     * each batch of codes draws from its own generator, seeded from {@code options.seed()} and the
     * batch's position, so the lines do not depend on how many threads decode them.
     */
    public List<String> decodeAll(float[][] codes, DecodingOptions options) {
        return decodeAll(codes, options, done -> {});
    }

    /**
     * As {@link #decodeAll(float[][], DecodingOptions)}, telling {@code progress} how many lines
     * are decoded so far after each batch (from the decoding threads, one call at a time, counts
     * rising). The lines are the same as without it.
     */
    public List<String> decodeAll(float[][] codes, DecodingOptions options, IntConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        List<String> lines = new ArrayList<>();
        runEach(codes, decoding(codes, options, progress), lines::addAll);
        return lines;
    }

    /**
     * As {@link #decodeAll(float[][], DecodingOptions)}, handing the lines to {@code sink} batch by
     * batch, in order, on the calling thread, as soon as each batch and those before it are done: a
     * command can print the first lines while later ones are still being decoded. The lines are the
     * same as decodeAll's. A sink that throws ends the call: batches not yet started are dropped,
     * and the exception is rethrown.
     */
    public void decodeEach(float[][] codes, DecodingOptions options, Consumer<List<String>> sink) {
        Objects.requireNonNull(sink, "sink");
        runEach(codes, decoding(codes, options, done -> {}), sink);
    }

    /** The decoding of {@code codes} as {@code options} say, each batch with its own seed. */
    private Strategy decoding(float[][] codes, DecodingOptions options, IntConsumer progress) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(options, "decoding options");
        requireAtMost("maximum length", options.maxLength(), MAX_LINE_TOKENS);
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

    /**
     * Decodes in batches of {@link ChunkedDecoding#ROWS} codes, several side by side on worker
     * threads, each in a manager of its own.
     */
    private List<String> run(float[][] codes, Strategy strategy) {
        List<String> lines = new ArrayList<>();
        runEach(codes, strategy, lines::addAll);
        return lines;
    }

    private void runEach(float[][] codes, Strategy strategy, Consumer<List<String>> sink) {
        Objects.requireNonNull(codes, "codes");
        whileOpen(
                () -> {
                    decodeOpen(codes, strategy, sink);
                    return null;
                });
    }

    private void decodeOpen(float[][] codes, Strategy strategy, Consumer<List<String>> sink) {
        requireLatentSpace("decode from");
        if (codes.length == 0) {
            return;
        }
        for (float[] code : codes) {
            requireLatent(code);
        }
        batches.decodeInOrder(
                codes,
                (index, part) -> {
                    boolean outer = decoding.get();
                    decoding.set(true);
                    try (NDManager call = manager.newSubManager()) {
                        NDArray z =
                                HostArrays.floats(
                                        call,
                                        LatentCodes.flatten(part),
                                        new Shape(part.length, latentSize()));
                        return strategy.decode(call, z, index);
                    } finally {
                        decoding.set(outer);
                    }
                },
                ids -> {
                    List<String> lines = new ArrayList<>(ids.size());
                    for (int[] line : ids) {
                        lines.add(vocabulary.decode(line));
                    }
                    sink.accept(lines);
                });
    }

    /** Decodes codes greedily up to {@link #DEFAULT_MAX_LENGTH}, as {@link #decode} does. */
    private void greedily(float[][] codes, Consumer<List<String>> sink) {
        decodeOpen(
                codes,
                (call, z, batch) -> decoder.greedy(call, z, DEFAULT_MAX_LENGTH, 0, new int[0]),
                sink);
    }

    /** Decodes one latent code greedily. */
    public String decode(float[] z) {
        requireLatent(z);
        return decodeAll(new float[][] {z}, DEFAULT_MAX_LENGTH, 0, new int[0]).get(0);
    }

    /** The posterior q(z|x) of a sentence: its mean and standard deviation. */
    public Encoding encode(String sentence) {
        return whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    int[] ids = SentenceTokens.of(vocabulary, sentence);
                    return encodings(List.of(sentence), List.of(ids)).get(0);
                });
    }

    /**
     * The posteriors of many sentences, in order, encoded {@link ChunkedDecoding#ROWS} to a batch:
     * each the same as {@link #encode(String)} gives, to float rounding. Every sentence is checked
     * before any is encoded; a refusal names its index.
     */
    public List<Encoding> encodeAll(List<String> sentences) {
        return whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    return encodings(sentences, tokens(sentences));
                });
    }

    private List<Encoding> encodings(List<String> sentences, List<int[]> ids) {
        SentenceEncoder.Posteriors posteriors = encoder.encode(manager, ids);
        List<Encoding> encodings = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            encodings.add(
                    new Encoding(
                            posteriors.means()[i],
                            posteriors.sigmas()[i],
                            vocabulary.unknownTokens(sentences.get(i))));
        }
        return encodings;
    }

    private List<int[]> tokens(List<String> sentences) {
        return SentenceTokens.ofAll(vocabulary, sentences, i -> "sentence " + i);
    }

    /**
     * log p(sentence | z) under the decoder, {@code <eos>} included: how likely the model finds a
     * line given a latent code (teacher forcing, no sampling).
     */
    public double logProbability(float[] z, String sentence) {
        return whileOpen(() -> logProbabilityOpen(z, sentence));
    }

    private double logProbabilityOpen(float[] z, String sentence) {
        requireLatent(z);
        int[] ids = SentenceTokens.of(vocabulary, sentence);
        try (NDManager call = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(call, false);
            TokenBatch batch = TokenBatch.of(call, List.of(ids), specials, 0, null);
            NDArray code = HostArrays.floats(call, z, new Shape(1, z.length));
            NDArray state = network.initialState(store, code, 1, call, false);
            NDArray logits =
                    network.decode(store, code, batch.decoderInputs(), state, false).head();
            return -LossTerms.reconstruction(logits, batch.targets(), null).getFloat();
        }
    }

    /** Encodes a sentence to its posterior mean and decodes that greedily. */
    public String reconstruct(String sentence) {
        return decode(encode(sentence).mean());
    }

    /** {@link #reconstruct(String)} of each sentence, in order, encoded and decoded in batches. */
    public List<String> reconstructAll(List<String> sentences) {
        return reconstructAll(sentences, 1);
    }

    /**
     * Each sentence's posterior mean decoded by beam search of {@code beam} beams (1: greedily), in
     * order: a wider beam returns the sentence more often, at several times the cost.
     */
    public List<String> reconstructAll(List<String> sentences, int beam) {
        List<String> lines = new ArrayList<>();
        reconstructEach(sentences, beam, lines::addAll);
        return lines;
    }

    /**
     * As {@link #reconstructEach(List, Consumer)}, decoding by beam search of {@code beam} beams
     * (1: greedily).
     */
    public void reconstructEach(List<String> sentences, int beam, Consumer<List<String>> sink) {
        Objects.requireNonNull(sink, "sink");
        BulkDecoding decoding = bulk(beam);
        whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    decoding.reconstruct(tokens(sentences), sink);
                    return null;
                });
    }

    /** Bulk decoding greedily, or by beam search of {@code beam} beams. */
    private BulkDecoding bulk(int beam) {
        if (beam < 1 || beam > MAX_BEAM || beam >= vocabulary.size()) {
            throw new IllegalArgumentException(
                    "beam width must be 1 to "
                            + Math.min(MAX_BEAM, vocabulary.size() - 1)
                            + ", got "
                            + beam);
        }
        if (beam == 1) {
            return bulk;
        }
        DecodingOptions options = new DecodingOptions(DEFAULT_MAX_LENGTH, 0, 0, beam, 0);
        return new BulkDecoding(
                ids -> encoder.encode(manager, ids).means(),
                (codes, sink) -> decodeOpen(codes, decoding(codes, options, done -> {}), sink),
                BulkDecoding.WINDOW);
    }

    /**
     * As {@link #reconstructAll}, handing the lines to {@code sink} batch by batch, in order, on
     * the calling thread, as each is decoded. Every sentence is checked before any line is decoded.
     * A sink that throws ends the call, and the exception is rethrown.
     */
    public void reconstructEach(List<String> sentences, Consumer<List<String>> sink) {
        reconstructEach(sentences, 1, sink);
    }

    /**
     * {@link #interpolate(String, String, int, Interpolation)} for each pair, in order: one path of
     * {@code steps} lines per pair, endpoints encoded and paths decoded in batches.
     */
    public List<List<String>> interpolateAll(
            List<SentencePair> pairs, int steps, Interpolation path) {
        return interpolateAll(pairs, steps, path, 1);
    }

    /**
     * As {@link #interpolateAll(List, int, Interpolation)}, each point decoded by {@code beam}
     * beams.
     */
    public List<List<String>> interpolateAll(
            List<SentencePair> pairs, int steps, Interpolation path, int beam) {
        List<List<String>> paths = new ArrayList<>();
        interpolateEach(pairs, steps, path, beam, paths::add);
        return paths;
    }

    /**
     * As {@link #interpolateAll}, handing each pair's path to {@code sink} whole, in order, on the
     * calling thread, as soon as it is decoded. Every sentence is checked before any line is
     * decoded. A sink that throws ends the call, and the exception is rethrown.
     */
    public void interpolateEach(
            List<SentencePair> pairs, int steps, Interpolation path, Consumer<List<String>> sink) {
        interpolateEach(pairs, steps, path, 1, sink);
    }

    /**
     * As {@link #interpolateEach(List, int, Interpolation, Consumer)}, each point decoded by beam
     * search of {@code beam} beams (1: greedily).
     */
    public void interpolateEach(
            List<SentencePair> pairs,
            int steps,
            Interpolation path,
            int beam,
            Consumer<List<String>> sink) {
        Objects.requireNonNull(pairs, "the pairs are null");
        Objects.requireNonNull(path, "the interpolation path is null (LINEAR or SPHERICAL)");
        Objects.requireNonNull(sink, "sink");
        Interpolation.requireSteps(steps);
        BulkDecoding decoding = bulk(beam);
        List<String> endpoints = new ArrayList<>(2 * pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            endpoints.addAll(Objects.requireNonNull(pairs.get(i), "pair " + i + " is null").both());
        }
        whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    List<int[]> ids =
                            SentenceTokens.ofAll(
                                    vocabulary,
                                    endpoints,
                                    i -> "pair " + i / 2 + (i % 2 == 0 ? " (from)" : " (to)"));
                    decoding.interpolate(ids, steps, path, sink);
                    return null;
                });
    }

    /**
     * The homotopy of Bowman et al. §6.3 between two sentences' posterior means: {@code steps}
     * points from one to the other, endpoints included, each decoded greedily.
     */
    public List<String> interpolate(String from, String to, int steps, Interpolation path) {
        Objects.requireNonNull(path, "the interpolation path is null (LINEAR or SPHERICAL)");
        return interpolate(encode(from).mean(), encode(to).mean(), steps, path);
    }

    /** Linear interpolation between two sentences, as in the paper. */
    public List<String> interpolate(String from, String to, int steps) {
        return interpolate(from, to, steps, Interpolation.LINEAR);
    }

    /** The homotopy between two latent codes, endpoints included. */
    public List<String> interpolate(float[] from, float[] to, int steps, Interpolation path) {
        Objects.requireNonNull(path, "the interpolation path is null (LINEAR or SPHERICAL)");
        requireLatent(from);
        requireLatent(to);
        return decodeAll(path.points(from, to, steps), DEFAULT_MAX_LENGTH, 0, new int[0]);
    }

    /** Linear interpolation between two latent codes. */
    public List<String> interpolate(float[] from, float[] to, int steps) {
        return interpolate(from, to, steps, Interpolation.LINEAR);
    }

    private int latentSize() {
        return network.config().latentSize();
    }

    /** A language model ignores z: decoding codes would repeat its one greedy line. */
    private void requireLatentSpace(String use) {
        if (!network.config().kind().hasLatent()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "a language model has no latent space to " + use);
        }
    }

    private void requireLatent(float[] z) {
        LatentCodes.require(z, latentSize());
    }

    /**
     * Runs {@code work} under the read lock, refusing once closed: native handles are freed on
     * close, and using them afterwards could crash the JVM rather than throw.
     */
    private <T> T whileOpen(Supplier<T> work) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this SentenceVae (" + source + ") is closed");
            }
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static void requireAtMost(String what, int value, int limit) {
        if (value > limit) {
            throw new IllegalArgumentException(
                    what + " must be at most " + limit + ", got " + value);
        }
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    /** Arrays alive under this model's manager (the weights, unless something leaks). */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** Waits for calls in progress, then frees the native memory; closing twice is harmless. */
    @Override
    public void close() {
        if (lifecycle.getReadHoldCount() > 0 || decoding.get()) {
            // The write lock waits for every read lock, this thread's own included: it would hang.
            throw new IllegalStateException(
                    "close() called from inside a call of this SentenceVae (a progress callback?);"
                            + " close it once the call has returned");
        }
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            batches.close();
            vocabulary.close();
            manager.close();
        } finally {
            lock.unlock();
        }
    }
}
