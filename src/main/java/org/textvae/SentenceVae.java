package org.textvae;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.textvae.generate.CodeDecoding;
import org.textvae.generate.DecodingLimits;
import org.textvae.generate.DecodingOptions;
import org.textvae.generate.Encoding;
import org.textvae.generate.Interpolation;
import org.textvae.generate.LatentCodes;
import org.textvae.generate.ModelLifecycle;
import org.textvae.generate.PositionMasks;
import org.textvae.generate.ReconstructionOptions;
import org.textvae.generate.SentenceCodec;
import org.textvae.generate.SentencePair;
import org.textvae.model.Checkpoint;
import org.textvae.model.EngineDefaults;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelFiles;
import org.textvae.model.SentenceVaeNetwork;
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
    public static final int DEFAULT_MAX_LENGTH = DecodingLimits.DEFAULT_MAX_LENGTH;

    /** Longest line that can be asked for, in tokens. */
    public static final int MAX_LINE_TOKENS = DecodingLimits.MAX_LINE_TOKENS;

    /** Most codes drawn, lines sampled or points on a path in one call. */
    public static final int MAX_COUNT = DecodingLimits.MAX_COUNT;

    /** The most beams a reconstruction or a path is decoded with. */
    public static final int MAX_BEAM = DecodingLimits.MAX_BEAM;

    static {
        EngineDefaults.apply();
    }

    private final NDManager manager;
    private final SentenceVaeNetwork network;
    private final Vocabulary vocabulary;
    private final String source;
    private final LatentPrior prior;
    private final Map<String, byte[]> entries;
    private final ModelLifecycle lifecycle;
    private final CodeDecoding decoding;
    private final SentenceCodec sentences;

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
        this.lifecycle = new ModelLifecycle(source);
        this.decoding = new CodeDecoding(network, vocabulary, manager, workers, lifecycle);
        this.sentences = new SentenceCodec(network, vocabulary, manager, decoding, lifecycle);
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

    /** Loads the Song ci model packed into the jar (trained on the Song ci lines). */
    public static SentenceVae loadCiModel() {
        return new SentenceVae(ModelFiles.readCiModel(), "the ci model", 0);
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
        return decoding.workers();
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
        DecodingLimits.requireCount(n);
        return prior.sample(n, seed);
    }

    /**
     * n codes for lines of {@code tokens} tokens: from the kept posteriors of the training lines of
     * that length when the model's prior holds them ({@code textvae prior --kind posteriors}),
     * which the decoder reads as lines it means to end there; else from the {@link #prior()} as it
     * is.
     */
    public float[][] priorSamplesOfLength(int n, int tokens, long seed) {
        DecodingLimits.requireCount(n);
        if (prior instanceof PosteriorMixture kept && kept.countOfLength(tokens) > 0) {
            return kept.ofLength(tokens).sample(n, seed);
        }
        return prior.sample(n, seed);
    }

    /**
     * Decodes latent codes greedily, in batches.
     *
     * @param maxLength longest line, at most {@link #MAX_LINE_TOKENS}
     * @param length exact tokens per line (0: until {@code <eos>} or {@code maxLength}), at most
     *     {@code maxLength}
     * @param banned token ids never to emit, besides {@code <pad>}, {@code <bos>} and {@code
     *     <unk>}, which no decoding emits
     */
    public List<String> decodeAll(float[][] codes, int maxLength, int length, int[] banned) {
        List<String> lines = new ArrayList<>();
        decoding.greedy(codes, maxLength, length, banned, lines::addAll);
        return lines;
    }

    /**
     * Decodes latent codes greedily with each line's tokens restricted position by position
     * (constrained decoding): line i from {@code codes[i]} under {@code masks}' line i. A line ends
     * at {@code <eos>} where its mask allows it, or after {@code masks.positions()} tokens; {@code
     * <pad>}, {@code <bos>} and {@code <unk>} are never written, whatever a mask allows.
     */
    public List<String> decodeAll(float[][] codes, PositionMasks masks) {
        List<String> lines = new ArrayList<>();
        decoding.masked(codes, masks, lines::addAll);
        return lines;
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
        List<String> lines = new ArrayList<>();
        decoding.decode(codes, options, progress, lines::addAll);
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
        decoding.decode(codes, options, done -> {}, sink);
    }

    /** Decodes one latent code greedily. */
    public String decode(float[] z) {
        return decodeAll(new float[][] {z}, DEFAULT_MAX_LENGTH, 0, new int[0]).get(0);
    }

    /** The posterior q(z|x) of a sentence: its mean and standard deviation. */
    public Encoding encode(String sentence) {
        return sentences.encode(sentence);
    }

    /**
     * The posteriors of many sentences, in order, encoded in batches: each the same as {@link
     * #encode(String)} gives, to float rounding. Every sentence is checked before any is encoded; a
     * refusal names its index.
     */
    public List<Encoding> encodeAll(List<String> sentences) {
        return this.sentences.encodeAll(sentences);
    }

    /**
     * log p(sentence | z) under the decoder, {@code <eos>} included: how likely the model finds a
     * line given a latent code (teacher forcing, no sampling).
     */
    public double logProbability(float[] z, String sentence) {
        return sentences.logProbability(z, sentence);
    }

    /** Encodes a sentence to its posterior mean and decodes that greedily. */
    public String reconstruct(String sentence) {
        return decode(encode(sentence).mean());
    }

    /** {@link #reconstruct(String)} of each sentence, in order, encoded and decoded in batches. */
    public List<String> reconstructAll(List<String> sentences) {
        return reconstructAll(sentences, ReconstructionOptions.GREEDY);
    }

    /**
     * Each sentence's code read back as {@code options} say (wider beams and refined codes return
     * the sentence more often, at several times the cost), in order.
     */
    public List<String> reconstructAll(List<String> sentences, ReconstructionOptions options) {
        List<String> lines = new ArrayList<>();
        reconstructEach(sentences, options, lines::addAll);
        return lines;
    }

    /**
     * As {@link #reconstructAll}, handing the lines to {@code sink} batch by batch, in order, on
     * the calling thread, as each is decoded. Every sentence is checked before any line is decoded.
     * A sink that throws ends the call, and the exception is rethrown.
     */
    public void reconstructEach(List<String> sentences, Consumer<List<String>> sink) {
        reconstructEach(sentences, ReconstructionOptions.GREEDY, sink);
    }

    /** As {@link #reconstructEach(List, Consumer)}, read back as {@code options} say. */
    public void reconstructEach(
            List<String> sentences, ReconstructionOptions options, Consumer<List<String>> sink) {
        this.sentences.reconstruct(sentences, options, sink);
    }

    /**
     * {@link #interpolate(String, String, int, Interpolation)} for each pair, in order: one path of
     * {@code steps} lines per pair, endpoints encoded and paths decoded in batches.
     */
    public List<List<String>> interpolateAll(
            List<SentencePair> pairs, int steps, Interpolation path) {
        return interpolateAll(pairs, steps, path, ReconstructionOptions.GREEDY);
    }

    /**
     * As {@link #interpolateAll(List, int, Interpolation)}, between codes found and points decoded
     * as {@code options} say: refined codes start and end more paths at the pair's own sentences.
     */
    public List<List<String>> interpolateAll(
            List<SentencePair> pairs,
            int steps,
            Interpolation path,
            ReconstructionOptions options) {
        List<List<String>> paths = new ArrayList<>();
        interpolateEach(pairs, steps, path, options, paths::add);
        return paths;
    }

    /**
     * As {@link #interpolateAll}, handing each pair's path to {@code sink} whole, in order, on the
     * calling thread, as soon as it is decoded. Every sentence is checked before any line is
     * decoded. A sink that throws ends the call, and the exception is rethrown.
     */
    public void interpolateEach(
            List<SentencePair> pairs, int steps, Interpolation path, Consumer<List<String>> sink) {
        interpolateEach(pairs, steps, path, ReconstructionOptions.GREEDY, sink);
    }

    /**
     * As {@link #interpolateEach(List, int, Interpolation, Consumer)}, read as {@code options} say.
     */
    public void interpolateEach(
            List<SentencePair> pairs,
            int steps,
            Interpolation path,
            ReconstructionOptions options,
            Consumer<List<String>> sink) {
        sentences.interpolate(pairs, steps, path, options, sink);
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
        LatentCodes.require(from, config().latentSize());
        LatentCodes.require(to, config().latentSize());
        return decodeAll(path.points(from, to, steps), DEFAULT_MAX_LENGTH, 0, new int[0]);
    }

    /** Linear interpolation between two latent codes. */
    public List<String> interpolate(float[] from, float[] to, int steps) {
        return interpolate(from, to, steps, Interpolation.LINEAR);
    }

    /** Arrays alive under this model's manager (the weights, unless something leaks). */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** Waits for calls in progress, then frees the native memory; closing twice is harmless. */
    @Override
    public void close() {
        lifecycle.close(
                () -> {
                    decoding.close();
                    vocabulary.close();
                    manager.close();
                });
    }
}
