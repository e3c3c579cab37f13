package org.textvae.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.corpus.LengthBuckets;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.train.AdamOptimizer;
import org.textvae.train.VaeObjective;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * The evaluation fixture: 20 poem-like lines (5 or 7 characters from a 12-character alphabet),
 * their character vocabulary, and tiny networks on them: freshly initialised, trained for a few
 * dozen steps, or forced into posterior collapse.
 */
final class TinyModels {

    static final List<String> LINES =
            List.of(
                    "春山夜月明", "江水向東流", "花落鳥啼春", "風吹柳色新", "月照江山白", "夜雨花開落", "山高水長流", "東風吹夜雨", "白鳥向山飛",
                    "明月照花林", "春風吹柳新色明", "江山月夜水東流", "花開花落鳥啼春", "白雨山高夜月明", "東流江水照花林", "柳色新風吹夜雨",
                    "鳥飛山白月明春", "長流水向東風吹", "夜月照江花落白", "新春明月山高長");

    static final TokenBatch.Specials SPECIALS = new TokenBatch.Specials(0, 1, 2, 3);

    private TinyModels() {}

    static Vocabulary vocabulary() {
        VocabularyOptions options = new VocabularyOptions(Segmentation.CHARACTER, 1, 100);
        return Vocabulary.fromJson(new VocabularyBuilder(options).addAll(LINES).toJson());
    }

    static List<int[]> ids(Vocabulary vocabulary, List<String> lines) {
        List<int[]> ids = new ArrayList<>();
        for (String line : lines) {
            ids.add(vocabulary.encode(line));
        }
        return ids;
    }

    /** A freshly initialised network, the same weights for the same seed. */
    static SentenceVaeNetwork network(NDManager manager, ModelKind kind, int vocabSize, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        SentenceVaeNetwork network =
                new SentenceVaeNetwork(new ModelConfig(kind, vocabSize, 16, 16, 4, false));
        network.initialize(manager);
        return network;
    }

    /**
     * Trains {@code network} for {@code steps} Adam steps on {@code sentences} with a small KL
     * weight, so that the posterior carries information, then freezes it.
     */
    static SentenceVaeNetwork train(
            SentenceVaeNetwork network, NDManager manager, List<int[]> sentences, int steps) {
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> pair : network.getParameters()) {
            parameters.add(pair.getValue());
        }
        SplittableRandom random = new SplittableRandom(5);
        LengthBuckets buckets = new LengthBuckets(sentences, 5);
        try (AdamOptimizer adam = new AdamOptimizer(parameters, manager)) {
            for (int step = 0; step < steps; ) {
                for (int[] members : buckets.epoch(7, step)) {
                    if (step++ >= steps) {
                        break;
                    }
                    trainStep(network, manager, sentences, members, random);
                    adam.step(0.01f, 5f);
                }
            }
        }
        network.freezeParameters(true);
        return network;
    }

    private static void trainStep(
            SentenceVaeNetwork network,
            NDManager parent,
            List<int[]> sentences,
            int[] members,
            SplittableRandom random) {
        List<int[]> batchSentences = new ArrayList<>();
        for (int member : members) {
            batchSentences.add(sentences.get(member));
        }
        try (NDManager manager = parent.newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            TokenBatch batch = TokenBatch.of(manager, batchSentences, SPECIALS, 0, random);
            NDArray epsilon = Posterior.epsilon(manager, random, batch.size(), 4);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(
                        VaeObjective.compute(network, store, batch, epsilon, 0.1f, 0, true).loss());
            }
        }
    }

    /**
     * Forces posterior collapse: μ and log σ² heads to zero, so q(z|x) = N(0, I) for every x, and
     * the decoder's z → state weights to zero, so p(x|z) ignores z, as in a collapsed VAE.
     */
    static SentenceVaeNetwork collapse(SentenceVaeNetwork network) {
        network.freezeParameters(true);
        for (Pair<String, Parameter> pair : network.getParameters()) {
            String name = pair.getKey();
            boolean head = name.contains("mean") || name.contains("logVariance");
            boolean latentWeight = name.contains("latentToState") && name.endsWith("weight");
            if (head || latentWeight) {
                pair.getValue().getArray().muli(0);
            }
        }
        return network;
    }

    /** The sentences repeated {@code times} times: many rows for statistics on a tiny corpus. */
    static List<int[]> repeat(List<int[]> sentences, int times) {
        List<int[]> repeated = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            repeated.addAll(sentences);
        }
        return repeated;
    }
}
