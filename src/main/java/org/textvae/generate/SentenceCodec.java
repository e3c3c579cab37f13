package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.textvae.model.HostArrays;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelConfig;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Sentences in and out of the latent space: their posteriors, a line's likelihood under a code, and
 * reconstructions and interpolation paths of many sentences, encoded in batches and decoded by
 * {@link CodeDecoding}. Every sentence of a call is checked before any is encoded; a refusal names
 * its index.
 */
public final class SentenceCodec {

    private final SentenceVaeNetwork network;
    private final Vocabulary vocabulary;
    private final TokenBatch.Specials specials;
    private final SentenceEncoder encoder;
    private final NDManager model;
    private final CodeDecoding decoding;
    private final ModelLifecycle lifecycle;
    private final BulkDecoding greedyBulk;
    private final CodeRefiner refiner;

    public SentenceCodec(
            SentenceVaeNetwork network,
            Vocabulary vocabulary,
            NDManager model,
            CodeDecoding decoding,
            ModelLifecycle lifecycle) {
        this.network = network;
        this.vocabulary = vocabulary;
        this.specials = TokenBatch.Specials.of(vocabulary);
        this.encoder = new SentenceEncoder(network, specials);
        this.model = model;
        this.decoding = decoding;
        this.lifecycle = lifecycle;
        this.greedyBulk = new BulkDecoding(this::means, decoding::greedily, BulkDecoding.WINDOW);
        this.refiner = new CodeRefiner(network, specials);
    }

    /** The posterior q(z|x) of a sentence: its mean and standard deviation. */
    public Encoding encode(String sentence) {
        return lifecycle.whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    int[] ids = SentenceTokens.of(vocabulary, sentence);
                    return encodings(List.of(sentence), List.of(ids)).get(0);
                });
    }

    /** The posteriors of many sentences, in order, {@link ChunkedDecoding#ROWS} to a batch. */
    public List<Encoding> encodeAll(List<String> sentences) {
        return lifecycle.whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    return encodings(sentences, tokens(sentences));
                });
    }

    /** log p(sentence | z) under the decoder, {@code <eos>} included (teacher forcing). */
    public double logProbability(float[] z, String sentence) {
        return lifecycle.whileOpen(
                () -> {
                    LatentCodes.require(z, network.config().latentSize());
                    int[] ids = SentenceTokens.of(vocabulary, sentence);
                    try (NDManager call = model.newSubManager()) {
                        ParameterStore store = new ParameterStore(call, false);
                        TokenBatch batch = TokenBatch.of(call, List.of(ids), specials, 0, null);
                        NDArray code = HostArrays.floats(call, z, new Shape(1, z.length));
                        NDArray state = network.initialState(store, code, 1, call, false);
                        NDArray logits =
                                network.decode(store, code, batch.decoderInputs(), state, false)
                                        .head();
                        return -LossTerms.reconstruction(logits, batch.targets(), null).getFloat();
                    }
                });
    }

    /**
     * Each sentence's code, found and decoded as {@code options} say, handed to {@code sink} batch
     * by batch, in order.
     */
    public void reconstruct(
            List<String> sentences, ReconstructionOptions options, Consumer<List<String>> sink) {
        Objects.requireNonNull(sink, "sink");
        BulkDecoding bulk = bulk(options);
        lifecycle.whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    bulk.reconstruct(tokens(sentences), sink);
                });
    }

    /**
     * The path of {@code steps} points between each pair's codes (found as {@code options} say),
     * each point decoded as they say, handed to {@code sink} one whole path at a time, in order.
     */
    public void interpolate(
            List<SentencePair> pairs,
            int steps,
            Interpolation path,
            ReconstructionOptions options,
            Consumer<List<String>> sink) {
        Objects.requireNonNull(pairs, "the pairs are null");
        Objects.requireNonNull(path, "the interpolation path is null (LINEAR or SPHERICAL)");
        Objects.requireNonNull(sink, "sink");
        Interpolation.requireSteps(steps);
        BulkDecoding bulk = bulk(options);
        List<String> endpoints = new ArrayList<>(2 * pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            endpoints.addAll(Objects.requireNonNull(pairs.get(i), "pair " + i + " is null").both());
        }
        lifecycle.whileOpen(
                () -> {
                    requireLatentSpace("encode into");
                    List<int[]> ids =
                            SentenceTokens.ofAll(
                                    vocabulary,
                                    endpoints,
                                    i -> "pair " + i / 2 + (i % 2 == 0 ? " (from)" : " (to)"));
                    bulk.interpolate(ids, steps, path, sink);
                });
    }

    /** Bulk decoding greedily, or by beam search, of posterior means or refined codes. */
    private BulkDecoding bulk(ReconstructionOptions options) {
        Objects.requireNonNull(options, "the reconstruction options are null (GREEDY for none)");
        int beam = options.beam();
        if (beam >= vocabulary.size()) {
            throw new IllegalArgumentException(
                    "beam width must be 1 to " + (vocabulary.size() - 1) + ", got " + beam);
        }
        if (options.greedyMeans()) {
            return greedyBulk;
        }
        Refinement refinement = options.refinement();
        Function<List<int[]>, float[][]> codes =
                refinement.refines() ? ids -> refined(ids, refinement).codes() : this::means;
        if (beam == 1) {
            // Refinement has already decoded greedily every code it stopped: only the rest are
            // decoded again.
            return new BulkDecoding(codes, decoding::greedily, BulkDecoding.WINDOW)
                    .reconstructingBy(ids -> refinedLines(ids, refinement));
        }
        DecodingOptions decodingOptions =
                new DecodingOptions(DecodingLimits.DEFAULT_MAX_LENGTH, 0, 0, beam, 0);
        return new BulkDecoding(
                codes,
                (batch, sink) -> decoding.decode(batch, decodingOptions, done -> {}, sink),
                BulkDecoding.WINDOW);
    }

    private float[][] means(List<int[]> ids) {
        return encoder.encode(model, ids).means();
    }

    /** Each sentence's line from its refined code, decoding only those not yet seen written. */
    private List<String> refinedLines(List<int[]> ids, Refinement refinement) {
        CodeRefiner.Refined refined = refined(ids, refinement);
        List<float[]> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (refined.written()[i] == null) {
                unknown.add(refined.codes()[i]);
            }
        }
        Iterator<String> decoded = greedyLines(unknown.toArray(float[][]::new)).iterator();
        List<String> lines = new ArrayList<>(ids.size());
        for (String known : refined.written()) {
            lines.add(known != null ? known : decoded.next());
        }
        return lines;
    }

    private CodeRefiner.Refined refined(List<int[]> ids, Refinement refinement) {
        List<String> lines = new ArrayList<>(ids.size());
        ids.forEach(line -> lines.add(vocabulary.decode(line)));
        return refiner.refine(
                model, ids, encoder.encode(model, ids), lines, this::greedyLines, refinement);
    }

    private List<String> greedyLines(float[][] codes) {
        List<String> lines = new ArrayList<>(codes.length);
        decoding.greedily(codes, lines::addAll);
        return lines;
    }

    private List<Encoding> encodings(List<String> sentences, List<int[]> ids) {
        SentenceEncoder.Posteriors posteriors = encoder.encode(model, ids);
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

    private void requireLatentSpace(String use) {
        CodeDecoding.requireLatentSpace(config(), use);
    }

    private ModelConfig config() {
        return network.config();
    }
}
