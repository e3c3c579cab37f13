package org.textvae.cli;

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
 * Untrained (seeded) checkpoints over two lines: enough for option checks, no training, and a
 * vocabulary smaller than the widest beam.
 */
final class TinyCheckpoints {

    private TinyCheckpoints() {}

    /** Writes a checkpoint of the given kind and returns its file. */
    static Path write(Path directory, ModelKind kind) {
        VocabularyBuilder builder =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 1000));
        builder.addAll(List.of("春眠不覺曉", "處處聞啼鳥"));
        Path file = directory.resolve(kind.name().toLowerCase(Locale.ROOT) + ".ckpt");
        try (Vocabulary vocabulary = Vocabulary.fromJson(builder.toJson());
                NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            SentenceVaeNetwork network =
                    new SentenceVaeNetwork(
                            new ModelConfig(kind, vocabulary.size(), 8, 8, 4, false));
            network.initialize(manager);
            Checkpoint.of(network, vocabulary.toJson(), Map.of()).write(file);
        }
        return file;
    }

    /** Tokens in a checkpoint's vocabulary, the special ones included. */
    static int vocabularySize(Path checkpoint) {
        return Checkpoint.read(checkpoint).config().vocabSize();
    }
}
