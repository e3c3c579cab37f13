package org.textvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.DecodingOptions;
import org.textvae.generate.StepwiseDecoder;
import org.textvae.generate.TinyModel;
import org.textvae.generate.TokenChooser;
import org.textvae.model.Checkpoint;
import org.textvae.model.DecoderStep;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.poetry.FreePoemWriter;
import org.textvae.vocab.Vocabulary;

/** No decoding writes {@code <unk>}, even from a model that ranks it above every other token. */
class NoUnknownInOutputTest {

    @TempDir static Path directory;
    private static Path model;

    @BeforeAll
    static void writeModel() {
        model = TinyModel.writeFavouringUnknown(directory);
    }

    @Test
    void theFixtureWritesOnlyUnknownWhenNothingBansIt() {
        Checkpoint checkpoint = Checkpoint.read(model);
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the fixture")) {
            SentenceVaeNetwork network = checkpoint.network(manager, "the fixture");
            StepwiseDecoder decoder =
                    new StepwiseDecoder(network, TokenBatch.Specials.of(vocabulary), manager);
            NDArray z = manager.randomNormal(new Shape(8, network.config().latentSize()));
            List<int[]> lines = decoder.decode(manager, z, 6, 0, new int[0], unbanned(vocabulary));
            int[] unknowns = new int[6];
            Arrays.fill(unknowns, vocabulary.unkId());
            for (int[] line : lines) {
                assertEquals(Arrays.toString(unknowns), Arrays.toString(line));
            }
        }
    }

    @Test
    void greedySamplingBeamsPoemsPathsAndReconstructionsNeverWriteUnknown() {
        try (SentenceVae vae = SentenceVae.load(model)) {
            List<List<String>> outputs =
                    List.of(
                            vae.sample(40, 1),
                            vae.sample(40, 2, new DecodingOptions(8, 1.0, 0, 1, 3)),
                            vae.sample(40, 2, new DecodingOptions(8, 2.0, 4, 1, 3)),
                            vae.sample(20, 4, new DecodingOptions(8, 0, 0, 3, 0)),
                            new FreePoemWriter(vae).write(5, 4, 1, false),
                            vae.interpolate("春眠不覺曉", "獨釣寒江雪", 5),
                            List.of(vae.reconstruct("春眠不覺龘")));
            for (List<String> lines : outputs) {
                for (String line : lines) {
                    assertFalse(line.contains(Vocabulary.UNK), line);
                }
            }
            // Forced to full length, each line had to choose a real token at every step.
            for (String line : vae.decodeAll(vae.priorSamples(20, 5), 6, 6, new int[0])) {
                assertEquals(6, line.codePointCount(0, line.length()), line);
            }
        }
    }

    /** Greedy choice over the vocabulary layer's own bias, without the decoder's bans. */
    private static TokenChooser unbanned(Vocabulary vocabulary) {
        return new TokenChooser() {
            @Override
            public NDArray choose(NDArray logits, NDManager manager) {
                throw new UnsupportedOperationException("chooses from the decoder state");
            }

            @Override
            public NDArray choose(
                    DecoderStep step, NDArray state, NDArray bias, NDManager manager) {
                NDArray plain = step.outputBias(manager.zeros(new Shape(vocabulary.size())));
                return step.logits(state, plain).argMax(1).toType(DataType.INT64, false);
            }
        };
    }
}
