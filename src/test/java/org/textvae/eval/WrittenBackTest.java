package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textvae.SentenceVae;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.Subsample;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * The teacher-forced pass counts as written back exactly the lines that greedy decoding from the
 * mean gives back: one pass stands in for decoding in eval and in fit-encoder's checks.
 */
class WrittenBackTest {

    @Test
    void countsTheLinesGreedyDecodingGivesBack() {
        List<String> lines =
                Subsample.of(CorpusReader.read(Path.of("corpora/tang.csv.gz")).test(), 300, 11);
        Checkpoint checkpoint = ModelFiles.readDefault();
        long counted;
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = checkpoint.vocabulary("the default model")) {
            // Greedy decoding never writes <unk>: lines holding one are left out of both counts.
            lines =
                    lines.stream()
                            .filter(line -> vocabulary.unknownTokens(line).isEmpty())
                            .toList();
            PosteriorPass.Result pass =
                    PosteriorPass.run(
                            checkpoint.network(manager),
                            manager,
                            vocabulary.encodeNonEmpty(lines),
                            TokenBatch.Specials.of(vocabulary),
                            64);
            counted = pass.writtenBack();
        }
        long decoded;
        try (SentenceVae vae = SentenceVae.loadDefault()) {
            List<String> back = vae.reconstructAll(lines);
            decoded = 0;
            for (int i = 0; i < lines.size(); i++) {
                decoded += lines.get(i).equals(back.get(i)) ? 1 : 0;
            }
        }
        assertTrue(decoded > lines.size() / 2, decoded + " of " + lines.size());
        assertEquals(decoded, counted);
    }
}
