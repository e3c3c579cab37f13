package org.textvae.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Greedy decoding, which asks the step for its argmax in native code, writes the lines that argmax
 * over the logits handed to Java writes, with the shipped model, in full batches and short ones.
 */
class StepwiseDecoderTest {

    @Test
    void greedyLinesAreThoseOfArgmaxOverTheLogits() {
        Checkpoint checkpoint = ModelFiles.readDefault();
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the default model")) {
            SentenceVaeNetwork network = checkpoint.network(manager, "the default model");
            StepwiseDecoder decoder =
                    new StepwiseDecoder(network, TokenBatch.Specials.of(vocabulary), manager);
            // A chooser that sees only logits, so it takes the default path through them.
            TokenChooser plainArgmax = (logits, call) -> logits.argMax(1);
            int latent = network.config().latentSize();
            int[] banned = {vocabulary.unkId()};
            for (int rows : new int[] {ChunkedDecoding.ROWS, 37, 1}) {
                for (int length : new int[] {7, 0}) {
                    NDArray z = manager.randomNormal(new Shape(rows, latent)).mul(1.5f);
                    List<int[]> greedy =
                            decoder.decode(manager, z, 12, length, banned, TokenChooser.greedy());
                    List<int[]> plain = decoder.decode(manager, z, 12, length, banned, plainArgmax);
                    assertEquals(rows, greedy.size());
                    for (int i = 0; i < rows; i++) {
                        assertEquals(
                                Arrays.toString(plain.get(i)),
                                Arrays.toString(greedy.get(i)),
                                "line " + i + " of " + rows + ", length " + length);
                    }
                }
            }
        }
    }
}
