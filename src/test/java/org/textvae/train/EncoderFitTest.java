package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.generate.TinyModel;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;

/** The encoder fit trains the encoder's mean and nothing else, and keeps only what helps. */
class EncoderFitTest {

    private static final List<String> LINES = TinyModel.LINES;

    @Test
    void lowersTheLinesCostFromTheirMeansAndLeavesTheRestAlone(@TempDir Path directory) {
        Checkpoint original = Checkpoint.read(TinyModel.write(directory, 4, 5));
        EncoderFit.Settings settings = new EncoderFit.Settings(60, 1e-2f, 5, 8, 0.1f, 20, 3);
        List<Integer> stepsSeen = new ArrayList<>();
        List<EncoderFit.Check> checksSeen = new ArrayList<>();
        EncoderFit.Report report =
                EncoderFit.fit(
                        original,
                        "tiny",
                        LINES,
                        LINES,
                        settings,
                        new EncoderFit.Listener() {
                            @Override
                            public void stepped(int done) {
                                stepsSeen.add(done);
                            }

                            @Override
                            public void checked(EncoderFit.Check check) {
                                checksSeen.add(check);
                            }
                        });
        assertEquals(60, stepsSeen.size());
        assertEquals(60, stepsSeen.get(59));
        assertEquals(List.of(0, 20, 40, 60), checksSeen.stream().map(c -> c.step()).toList());
        assertEquals(checksSeen, report.checks());
        assertTrue(report.kept().step() > 0, report.checks().toString());
        assertTrue(
                report.kept().negativeLogLikelihood()
                        < report.before().negativeLogLikelihood() - 0.3,
                report.checks().toString());
        Map<String, float[]> before = weights(original);
        Map<String, float[]> after = weights(report.checkpoint());
        List<String> changed = new ArrayList<>();
        for (String name : before.keySet()) {
            if (!java.util.Arrays.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        assertFalse(changed.isEmpty());
        for (String name : changed) {
            assertTrue(
                    name.contains("encoder") || name.contains("mean"),
                    "changed a weight generation reads: " + name);
        }
        assertTrue(changed.stream().anyMatch(name -> name.contains("mean")), changed.toString());
        assertEquals(original.extras().keySet(), report.checkpoint().extras().keySet());
    }

    @Test
    void aFitThatHelpsNothingReturnsTheEncoderItWasGiven(@TempDir Path directory) {
        Checkpoint original = Checkpoint.read(TinyModel.write(directory, 4, 5));
        EncoderFit.Settings still = new EncoderFit.Settings(10, 1e-30f, 0, 8, 0.1f, 5, 3);
        EncoderFit.Report report =
                EncoderFit.fit(original, "tiny", LINES, LINES, still, EncoderFit.Listener.NONE);
        assertEquals(0, report.kept().step());
        assertArrayEquals(original.weights(), report.checkpoint().weights());
    }

    @Test
    void refusesALanguageModel(@TempDir Path directory) {
        Checkpoint lm = Checkpoint.read(TinyModel.write(directory, ModelKind.LM, LINES, 4, 5));
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () ->
                                EncoderFit.fit(
                                        lm,
                                        "lm.ckpt",
                                        LINES,
                                        LINES,
                                        EncoderFit.Settings.defaults(1),
                                        EncoderFit.Listener.NONE));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertEquals(
                "only a VAE's encoder can be fitted: lm.ckpt is a language model", e.getMessage());
    }

    private static Map<String, float[]> weights(Checkpoint checkpoint) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Pair<String, Parameter> parameter : checkpoint.network(manager).getParameters()) {
                weights.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
            }
        }
        return weights;
    }
}
