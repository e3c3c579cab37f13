package org.textvae.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.model.Checkpoint;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * A line stops as soon as its code writes it: codes that write their lines from the start stay at
 * the means, the others move, and the lines still moving are checked before the first step and
 * every {@link CodeRefiner#CHECK_EVERY} steps, only they.
 */
class CodeRefinerTest {

    @TempDir static Path directory;

    @Test
    void onlyCodesThatDoNotYetWriteTheirLinesMove() {
        Checkpoint checkpoint = Checkpoint.read(TinyModel.write(directory, 4, 3));
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("tiny")) {
            SentenceVaeNetwork network = checkpoint.network(manager, "tiny");
            TokenBatch.Specials specials = TokenBatch.Specials.of(vocabulary);
            List<String> lines = TinyModel.LINES.subList(0, 6);
            List<int[]> ids = SentenceTokens.ofAll(vocabulary, lines, i -> "line " + i);
            SentenceEncoder.Posteriors posteriors =
                    new SentenceEncoder(network, specials).encode(manager, ids);
            // Lines 0, 2 and 4 count as written from the start; the others never do.
            List<Integer> checked = new ArrayList<>();
            Function<float[][], List<String>> write =
                    codes -> {
                        checked.add(codes.length);
                        List<String> written = new ArrayList<>();
                        for (float[] code : codes) {
                            int i = indexOfMean(posteriors.means(), code);
                            written.add(i >= 0 && i % 2 == 0 ? lines.get(i) : "never");
                        }
                        return written;
                    };
            CodeRefiner.Refined refined =
                    new CodeRefiner(network, specials)
                            .refine(manager, ids, posteriors, lines, write, Refinement.steps(12));
            float[][] codes = refined.codes();
            for (int i = 0; i < lines.size(); i++) {
                if (i % 2 == 0) {
                    assertArrayEquals(posteriors.means()[i], codes[i], "line " + i);
                    // Seen written, so never decoded again.
                    assertEquals(lines.get(i), refined.written()[i], "line " + i);
                } else {
                    assertFalse(Arrays.equals(posteriors.means()[i], codes[i]), "line " + i);
                    assertNull(refined.written()[i], "line " + i);
                }
            }
            // All six before the first step, then the three still moving after 5 and 10 steps.
            assertEquals(List.of(6, 3, 3), checked);
        }
    }

    /** Which mean a code is, exactly; −1 for a code that has moved. */
    private static int indexOfMean(float[][] means, float[] code) {
        for (int i = 0; i < means.length; i++) {
            if (Arrays.equals(means[i], code)) {
                return i;
            }
        }
        return -1;
    }
}
