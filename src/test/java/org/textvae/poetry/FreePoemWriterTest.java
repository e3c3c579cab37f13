package org.textvae.poetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.generate.TinyModel;

/** Free lines of a set form: exact lengths, walks that keep a mood, refusals. */
class FreePoemWriterTest {

    @TempDir static Path directory;
    private static SentenceVae vae;

    @BeforeAll
    static void load() {
        vae = SentenceVae.load(TinyModel.write(directory, 8, 1));
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void poemLinesHaveExactlyTheFormsLengthAndNoUnknown() {
        FreePoemWriter writer = new FreePoemWriter(vae);
        for (int form : new int[] {5, 7}) {
            for (long seed = 0; seed < 5; seed++) {
                List<String> poem = writer.write(form, 4, seed, seed % 2 == 0);
                assertEquals(4, poem.size());
                for (String line : poem) {
                    assertEquals(form, line.codePointCount(0, line.length()), line);
                    assertTrue(!line.contains("<unk>"), line);
                }
            }
        }
    }

    @Test
    void walkKeepsSuccessiveCodesCloserThanIndependentDraws() {
        FreePoemWriter writer = new FreePoemWriter(vae);
        float[][] walk = writer.walk(50, 3);
        float[][] independent = vae.priorSamples(50, 3);
        assertTrue(meanStepDistance(walk) < 0.8 * meanStepDistance(independent));
    }

    @Test
    void hugeLineCountsAndAMissingModelAreRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new FreePoemWriter(vae).write(5, Integer.MAX_VALUE, 1, true));
        assertTrue(e.getMessage().contains("lines") && e.getMessage().contains("1000000"));
        NullPointerException none =
                assertThrows(NullPointerException.class, () -> new FreePoemWriter(null));
        assertTrue(none.getMessage().contains("the model is null"), none.getMessage());
    }

    private static double meanStepDistance(float[][] codes) {
        double total = 0;
        for (int i = 1; i < codes.length; i++) {
            double sum = 0;
            for (int d = 0; d < codes[i].length; d++) {
                double diff = codes[i][d] - codes[i - 1][d];
                sum += diff * diff;
            }
            total += Math.sqrt(sum);
        }
        return total / (codes.length - 1);
    }
}
