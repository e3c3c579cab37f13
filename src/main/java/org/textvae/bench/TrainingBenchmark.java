package org.textvae.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.textvae.model.ModelConfig;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.train.AdamOptimizer;
import org.textvae.train.NativeHeapTrimmer;
import org.textvae.train.TrainConfig;
import org.textvae.train.TrainingStep;

/** Times the real training step (the one runs use) for {@code textvae bench}. */
public final class TrainingBenchmark {

    private static final int WARM_UP = 3;

    private TrainingBenchmark() {}

    /**
     * Target tokens per second of {@code steps} training steps on batches from {@code batches},
     * after a few warm-up steps, with the default training settings.
     */
    public static double tokensPerSecond(
            ModelConfig model,
            int steps,
            TokenBatch.Specials specials,
            Supplier<List<int[]>> batches) {
        return tokensPerSecond(model, steps, specials, batches, done -> {});
    }

    /**
     * As {@link #tokensPerSecond(ModelConfig, int, TokenBatch.Specials, Supplier)}, telling {@code
     * afterStep} the number of timed steps done after each one (to sample memory, say).
     */
    public static double tokensPerSecond(
            ModelConfig model,
            int steps,
            TokenBatch.Specials specials,
            Supplier<List<int[]>> batches,
            IntConsumer afterStep) {
        return tokensPerSecond(model, steps, specials, batches, afterStep, LoopParts.all());
    }

    /**
     * As above with only {@code parts} of the loop switched on: what each part costs shows as the
     * speed gained without it.
     */
    public static double tokensPerSecond(
            ModelConfig model,
            int steps,
            TokenBatch.Specials specials,
            Supplier<List<int[]>> batches,
            IntConsumer afterStep,
            Set<LoopParts> parts) {
        TrainConfig config = LoopParts.applyTo(TrainConfig.defaults(), parts);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            SentenceVaeNetwork network = new SentenceVaeNetwork(model);
            network.initialize(manager);
            try (AdamOptimizer optimizer =
                    new AdamOptimizer(new ArrayList<>(network.getParameters().values()), manager)) {
                TrainingStep step = new TrainingStep(network, optimizer, manager, config, specials);
                // As in a real run: the trims' cost is inside the timed loop.
                NativeHeapTrimmer trimmer = LoopParts.trimmer(parts);
                long tokens = 0;
                long start = 0;
                for (int i = 0; i < WARM_UP + steps; i++) {
                    if (i == WARM_UP) {
                        start = System.nanoTime();
                        tokens = 0;
                    }
                    tokens += step.run(batches.get(), i, config.learningRate()).tokens();
                    trimmer.afterStep();
                    if (i >= WARM_UP) {
                        afterStep.accept(i - WARM_UP + 1);
                    }
                }
                return tokens / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
