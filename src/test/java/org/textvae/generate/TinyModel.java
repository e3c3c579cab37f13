package org.textvae.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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

    public static final List<String> LINES =
            List.of(
                    "春眠不覺曉", "處處聞啼鳥", "夜來風雨聲", "花落知多少", "白日依山盡", "黃河入海流", "欲窮千里目", "更上一層樓", "床前明月光",
                    "疑是地上霜", "舉頭望明月", "低頭思故鄉", "紅豆生南國", "春來發幾枝", "願君多采擷", "此物最相思", "千山鳥飛絕", "萬徑人蹤滅",
                    "孤舟蓑笠翁", "獨釣寒江雪");

    private TinyModel() {}

    /** Writes a randomly initialised (seeded) VAE with latent size {@code latent} to a file. */
    public static Path write(Path directory, int latent, long seed) {
        return write(directory, ModelKind.VAE, LINES, latent, seed);
    }

    /**
     * Writes a randomly initialised (seeded) model of {@code kind} whose vocabulary holds the
     * characters of {@code lines}.
     */
    public static Path write(
            Path directory, ModelKind kind, List<String> lines, int latent, long seed) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return write(
                directory.resolve(
                        String.format(
                                Locale.ROOT,
                                "tiny-%s-%d-%d-%d.ckpt",
                                name,
                                latent,
                                seed,
                                lines.size())),
                kind,
                lines,
                latent,
                seed,
                network -> {});
    }

    /**
     * A tiny VAE (latent size 4) whose vocabulary layer favours {@code <unk>} by a bias of 50: were
     * it allowed, every step of every line would choose it.
     */
    public static Path writeFavouringUnknown(Path directory) {
        return write(
                directory.resolve("tiny-favouring-unk.ckpt"),
                ModelKind.VAE,
                LINES,
                4,
                5,
                network -> {
                    NDArray bias = parameter(network, "toVocabulary_bias");
                    // In place without NDArray.set, which makes PyTorch print a deprecation
                    // warning.
                    float[] raise = new float[(int) bias.size()];
                    raise[Vocabulary.SPECIALS.indexOf(Vocabulary.UNK)] = 50f;
                    try (NDArray added = bias.getManager().create(raise, bias.getShape())) {
                        bias.addi(added);
                    }
                });
    }

    private static Path write(
            Path file,
            ModelKind kind,
            List<String> lines,
            int latent,
            long seed,
            Consumer<SentenceVaeNetwork> adjust) {
        VocabularyBuilder builder =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 1000));
        builder.addAll(lines);
        try (Vocabulary vocabulary = Vocabulary.fromJson(builder.toJson());
                NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(
                            new ModelConfig(kind, vocabulary.size(), 16, 24, latent, false));
            network.initialize(manager);
            adjust.accept(network);
            Checkpoint.of(network, vocabulary.toJson(), Map.of()).write(file);
        }
        return file;
    }

    private static NDArray parameter(SentenceVaeNetwork network, String suffix) {
        for (var entry : network.getParameters()) {
            if (entry.getKey().endsWith(suffix)) {
                return entry.getValue().getArray();
            }
        }
        throw new IllegalStateException("no parameter ending in " + suffix);
    }
}
