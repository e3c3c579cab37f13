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
 * Greedy decoding with the shipped model gives the lines that argmax of each step's full logits
 * gives, whether a batch takes the packed vocabulary layer (full batches) or not.
 */
class StepwiseDecoderTest {

    @Test
    void greedyLinesAreThoseOfArgmaxOverTheLogits() {
        Checkpoint checkpoint = ModelFiles.readDefault();
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the default model")) {
            SentenceVaeNetwork network = checkpoint.network(manager, "the default model");
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            StepwiseDecoder decoder = new StepwiseDecoder(network, specials, manager);
            // A chooser that only sees logits, so it never takes the step's packed path.
            TokenChooser plainArgmax = (logits, call) -> logits.argMax(1);
            int latent = network.config().latentSize();
            for (int rows : new int[] {ChunkedDecoding.ROWS, 37}) {
                for (int length : new int[] {7, 0}) {
                    NDArray z = manager.randomNormal(new Shape(rows, latent)).mul(1.5f);
                    int[] banned = {vocabulary.unkId()};
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
