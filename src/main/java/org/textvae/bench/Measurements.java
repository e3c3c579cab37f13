package org.textvae.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.textvae.model.Posterior;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.train.AdamOptimizer;
import org.textvae.train.VaeObjective;

/** The measurements, each run in the current JVM; results as ordered name → value maps. */
final class Measurements {

    private static final TokenBatch.Specials SPECIALS = new TokenBatch.Specials(0, 1, 2, 3);

    private Measurements() {}

    /** float32 matrix multiply through the engine, in GFLOP/s: 2048³ and 800×256×10000. */
    static Map<String, Object> roofline() {
        Map<String, Object> result = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            result.put("gflops_2048", matmul(manager, 2048, 2048, 2048, 6));
            result.put("gflops_800x256x10000", matmul(manager, 800, 256, 10_000, 10));
        }
        return result;
    }

    private static double matmul(NDManager manager, int m, int k, int n, int repeats) {
        NDArray a = manager.randomUniform(-1, 1, new Shape(m, k));
        NDArray b = manager.randomUniform(-1, 1, new Shape(k, n));
        for (int i = 0; i < 2; i++) {
            a.matMul(b).close();
        }
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            NDArray c = a.matMul(b);
            c.getFloat(0, 0); // forces completion
            c.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return 2.0 * m * k * n * repeats / seconds / 1e9;
    }

    /**
     * The real training loop (batch layout, word dropout, loss, clipping, Adam, heap trims) at a
     * shape, with only {@code parts} of it switched on.
     */
    static Map<String, Object> training(
            org.textvae.bench.Shape shape, int steps, Set<LoopParts> parts) {
        Map<String, Object> result = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(2);
        double tokensPerSecond =
                TrainingBenchmark.tokensPerSecond(
                        shape.model(),
                        steps,
                        SPECIALS,
                        () ->
                                Synthetic.sentences(
                                        random,
                                        shape.batch(),
                                        shape.tokens() - 1,
                                        shape.vocabulary()),
                        done -> {},
                        parts);
        if (!parts.equals(LoopParts.all())) {
            result.put("loop_parts", parts.stream().map(LoopParts::option).toList());
        }
        result.put("train_tokens_per_s", tokensPerSecond);
        result.put("flops_per_token", shape.trainingFlopsPerToken());
        result.put("train_gflops", tokensPerSecond * shape.trainingFlopsPerToken() / 1e9);
        return result;
    }

    /**
     * The real training loop under PyTorch's profiler: {@code steps} steps after 20 untimed ones,
     * written as a Chrome trace to {@code trace} (docs/scripts/trace_shares.py sums it by operator
     * and shape). The profiler slows every operator, so only shares mean anything.
     */
    static Map<String, Object> profile(org.textvae.bench.Shape shape, int steps, String trace) {
        int warmUp = 20;
        SplittableRandom random = new SplittableRandom(2);
        TrainingBenchmark.tokensPerSecond(
                shape.model(),
                warmUp + steps,
                SPECIALS,
                () ->
                        Synthetic.sentences(
                                random, shape.batch(), shape.tokens() - 1, shape.vocabulary()),
                done -> {
                    if (done == warmUp) {
                        JniUtils.startProfile(false, true, false);
                    } else if (done == warmUp + steps) {
                        JniUtils.stopProfile(trace);
                    }
                });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("profiled_steps", steps);
        result.put("trace", trace);
        return result;
    }

    /**
     * A bare step for comparison: one fixed batch, forward, backward and the same fused Adam the
     * real loop uses, nothing else (no batch layout, no word dropout, no clipping, no metrics).
     * Until 2026-11-30 this was DJL's own Adam, which takes several passes over every parameter;
     * against the fused kernel that would flatter the real loop.
     */
    static Map<String, Object> bareStep(org.textvae.bench.Shape shape, int steps) {
        Engine.getInstance().setRandomSeed(1);
        SentenceVaeNetwork network = new SentenceVaeNetwork(shape.model());
        try (NDManager manager = NDManager.newBaseManager();
                AdamOptimizer adam = initializeWithAdam(network, manager)) {
            SplittableRandom random = new SplittableRandom(1);
            List<int[]> sentences =
                    Synthetic.sentences(
                            random, shape.batch(), shape.tokens() - 1, shape.vocabulary());
            ParameterStore store = new ParameterStore(manager, false);
            long tokens = 0;
            long start = 0;
            for (int i = 0; i < steps + 3; i++) {
                if (i == 3) {
                    start = System.nanoTime();
                }
                try (NDManager step = manager.newSubManager()) {
                    // The batch lives in the step's manager, so every array the step computes
                    // from it is freed with the step, as in the real loop.
                    TokenBatch batch = TokenBatch.of(step, sentences, SPECIALS, 0, null);
                    tokens = batch.tokenCount();
                    NDArray epsilon =
                            Posterior.epsilon(
                                    step, new SplittableRandom(2), shape.batch(), shape.latent());
                    try (GradientCollector collector =
                            Engine.getInstance().newGradientCollector()) {
                        VaeObjective.Terms terms =
                                VaeObjective.compute(network, store, batch, epsilon, 1f, 0f, true);
                        collector.backward(terms.loss());
                    }
                    adam.step(1e-3f, 0f);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("bare_tokens_per_s", (double) steps * tokens / seconds);
            return result;
        }
    }

    /** Initialises the network's weights in {@code manager} and returns an optimiser over them. */
    private static AdamOptimizer initializeWithAdam(SentenceVaeNetwork network, NDManager manager) {
        network.initialize(manager);
        List<Parameter> parameters = new ArrayList<>(network.getParameters().values());
        return new AdamOptimizer(parameters, manager);
    }
}
