package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.vocab.Vocabulary;

/** What training reads from a corpus, and what it refuses to read. */
class TrainingDataTest {

    @Test
    void aVocabularyOfAnotherCorpusIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        // Same shape of file, but every character is outside the tiny alphabet.
        Path other = dir.resolve("other.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("xyzw".repeat(1 + i % 2));
        }
        Files.write(other, lines);
        TrainingJob job = tiny.job(dir.resolve("run"), 1, 1);
        TrainingJob mismatched =
                new TrainingJob(
                        job.model(),
                        job.training(),
                        other,
                        job.vocabulary(),
                        null,
                        job.runDirectory(),
                        job.commandLine());
        List<String> log = new ArrayList<>();
        try (Vocabulary vocabulary = Vocabulary.load(tiny.vocabulary())) {
            TextvaeException e =
                    assertThrows(
                            TextvaeException.class,
                            () -> TrainingData.load(mismatched, vocabulary, log::add));
            assertEquals(TextvaeException.Kind.INPUT, e.kind());
            assertTrue(e.getMessage().contains("0.0%"), e.getMessage());
            assertTrue(e.getMessage().contains("vocab build"), e.getMessage());
        }
    }

    @Test
    void theMatchingVocabularyIsAcceptedAndItsCoverageLogged(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        List<String> log = new ArrayList<>();
        try (Vocabulary vocabulary = Vocabulary.load(tiny.vocabulary())) {
            TrainingData data =
                    TrainingData.load(tiny.job(dir.resolve("run"), 1, 1), vocabulary, log::add);
            assertEquals(36, data.train().size());
            assertTrue(
                    log.stream().anyMatch(l -> l.contains("100.00% of training tokens known")),
                    log.toString());
        }
    }

    @Test
    void aMissingValidationFileIsNamedAsTheValidOption(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        TrainingJob job = tiny.job(dir.resolve("run"), 1, 1);
        Path missing = dir.resolve("nonexistent.txt");
        TrainingJob withValid =
                new TrainingJob(
                        job.model(),
                        job.training(),
                        job.corpus(),
                        job.vocabulary(),
                        missing,
                        job.runDirectory(),
                        job.commandLine());
        try (Vocabulary vocabulary = Vocabulary.load(tiny.vocabulary())) {
            TextvaeException e =
                    assertThrows(
                            TextvaeException.class,
                            () -> TrainingData.load(withValid, vocabulary, line -> {}));
            assertEquals(TextvaeException.Kind.IO, e.kind());
            assertTrue(
                    e.getMessage().contains(missing.toString())
                            && e.getMessage().contains("--valid")
                            && !e.getMessage().contains("--corpus"),
                    e.getMessage());
        }
    }
}
