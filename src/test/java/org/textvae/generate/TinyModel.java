package org.textvae.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * A small untrained model over a few poem lines, saved as a checkpoint file for the tests (of this
 * package and the command line's).
 */
public final class TinyModel {

    static final List<String> LINES =
            List.of(
                    "春眠不覺曉", "處處聞啼鳥", "夜來風雨聲", "花落知多少", "白日依山盡", "黃河入海流", "欲窮千里目", "更上一層樓", "床前明月光",
                    "疑是地上霜", "舉頭望明月", "低頭思故鄉", "紅豆生南國", "春來發幾枝", "願君多采擷", "此物最相思", "千山鳥飛絕", "萬徑人蹤滅",
                    "孤舟蓑笠翁", "獨釣寒江雪");

    private TinyModel() {}

    /** Writes a randomly initialised (seeded) VAE with latent size {@code latent} to a file. */
    static Path write(Path directory, int latent, long seed) {
        return write(directory, ModelKind.VAE, LINES, latent, seed);
    }

    /**
     * Writes a randomly initialised (seeded) model of {@code kind} whose vocabulary holds the
     * characters of {@code lines}.
     */
    public static Path write(
            Path directory, ModelKind kind, List<String> lines, int latent, long seed) {
        VocabularyBuilder builder =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 1000));
        builder.addAll(lines);
        String name = kind.name().toLowerCase(Locale.ROOT);
        Path file =
                directory.resolve(
                        String.format(
                                Locale.ROOT,
                                "tiny-%s-%d-%d-%d.ckpt",
                                name,
                                latent,
                                seed,
                                lines.size()));
        try (Vocabulary vocabulary = Vocabulary.fromJson(builder.toJson());
                NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(
                            new ModelConfig(kind, vocabulary.size(), 16, 24, latent, false));
            network.initialize(manager);
            Checkpoint.of(network, vocabulary.toJson(), Map.of()).write(file);
        }
        return file;
    }
}
