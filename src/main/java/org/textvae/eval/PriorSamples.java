package org.textvae.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;
import org.textvae.generate.StepwiseDecoder;
import org.textvae.generate.TokenChooser;
import org.textvae.model.ModelConfig;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.prior.LatentPrior;

/**
 * The lines an evaluation decodes from the prior, without length forcing: what the diversity,
 * well-formedness and language-model figures of {@link EvaluationReport} are computed over.
 */
final class PriorSamples {

    /** Prior samples decoded in one batch. */
    private static final int SAMPLE_BATCH = 250;

    private PriorSamples() {}

    /**
     * Token ids of the prior samples. A latent model decodes codes of its prior (N(0, I) or the
     * fitted one) greedily, drawn exactly as {@link SentenceVae#priorSamples} draws them, so {@code
     * textvae generate --seed} shows the same lines; the LM has no z, and greedy decoding would
     * give one line n times, so it samples ancestrally at temperature 1.
     */
    static List<int[]> decode(
            SentenceVaeNetwork network,
            NDManager parent,
            TokenBatch.Specials specials,
            LatentPrior prior,
            EvaluationOptions options) {
        ModelConfig config = network.config();
        StepwiseDecoder decoder = new StepwiseDecoder(network, specials, parent);
        // All codes from one generator, as SentenceVae.priorSamples draws them.
        float[][] drawn =
                config.kind().hasLatent() ? prior.sample(options.samples(), options.seed()) : null;
        TokenChooser chooser =
                config.kind().hasLatent()
                        ? TokenChooser.greedy()
                        : TokenChooser.sampling(1.0, 0, new SplittableRandom(options.seed() + 1));
        List<int[]> samples = new ArrayList<>(options.samples());
        for (int done = 0; done < options.samples(); done += SAMPLE_BATCH) {
            int count = Math.min(SAMPLE_BATCH, options.samples() - done);
            try (NDManager manager = parent.newSubManager()) {
                float[] z = new float[count * config.latentSize()];
                for (int i = 0; i < count && drawn != null; i++) {
                    System.arraycopy(
                            drawn[done + i], 0, z, i * config.latentSize(), config.latentSize());
                }
                // The LM ignores z; the zeros only tell the decoder how many rows to run.
                NDArray codes = manager.create(z, new Shape(count, config.latentSize()));
                samples.addAll(
                        decoder.decode(
                                manager,
                                codes,
                                SentenceVae.DEFAULT_MAX_LENGTH,
                                0,
                                new int[0],
                                chooser));
            }
        }
        return samples;
    }
}
