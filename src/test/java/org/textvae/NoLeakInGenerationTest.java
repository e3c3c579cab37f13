package org.textvae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.DecodingOptions;
import org.textvae.generate.Interpolation;
import org.textvae.generate.SentencePair;
import org.textvae.generate.TinyModel;

/** Every generation call frees what it allocated: the model's live arrays stay the same. */
class NoLeakInGenerationTest {

    @Test
    void repeatedCallsLeaveNoArraysBehind(@TempDir Path directory) {
        try (SentenceVae vae = SentenceVae.load(TinyModel.write(directory, 4, 3))) {
            int before = vae.liveArrays();
            for (int i = 0; i < 20; i++) {
                vae.sample(8, i);
                vae.sample(4, i, new DecodingOptions(10, 0.9, 5, 1, i));
                vae.sample(2, i, new DecodingOptions(10, 0, 0, 3, i));
                vae.interpolate("春眠不覺曉", "夜來風雨聲", 5);
                vae.logProbability(vae.encode("花落知多少").mean(), "花落知多少");
                vae.encodeAll(List.of("花落", "知多少", "春眠不覺曉"));
                vae.reconstructAll(List.of("花落", "知多少"));
                vae.interpolateAll(
                        List.of(new SentencePair("春眠", "夜來風雨聲")), 3, Interpolation.LINEAR);
            }
            assertEquals(before, vae.liveArrays());
        }
    }
}
