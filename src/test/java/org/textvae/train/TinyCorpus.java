package org.textvae.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.textvae.corpus.CorpusReader;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * The training fixture: {@code tiny.csv} (36 training lines of 3 to 5 characters from a
 * 12-character alphabet, 12 of each length, so an epoch is 9 batches of 4; 4 validation lines), its
 * character vocabulary, and a tiny VAE job on them.
 *
 * @param corpus the CSV, copied into a temporary folder
 * @param vocabulary its tokenizer.json
 * @param vocabSize tokens in it, specials included
 */
record TinyCorpus(Path corpus, Path vocabulary, int vocabSize) {

    /** Optimiser steps in one epoch of {@code tiny.csv} at batch size 4. */
    static final int STEPS_PER_EPOCH = 9;

    /** Copies the corpus into {@code dir} and builds its vocabulary there. */
    static TinyCorpus in(Path dir) throws IOException {
        Path corpus = dir.resolve("tiny.csv");
        try (InputStream in = TinyCorpus.class.getResourceAsStream("tiny.csv")) {
            Files.copy(in, corpus);
        }
        Path vocabulary = dir.resolve("tiny.tokenizer.json");
        VocabularyOptions options = new VocabularyOptions(Segmentation.CHARACTER, 1, 100);
        try (Vocabulary built =
                VocabularyBuilder.build(CorpusReader.read(corpus), options, vocabulary)) {
            return new TinyCorpus(corpus, vocabulary, built.size());
        }
    }

    /** A tiny VAE with word dropout and a KL warm-up, logging every step. */
    TrainingJob job(Path runDirectory, long seed, long maxSteps) {
        return job(runDirectory, training(seed, maxSteps, 1e-3f, 0.25, new KlSchedule.Linear(10)));
    }

    TrainingJob job(Path runDirectory, TrainConfig training) {
        ModelConfig model = new ModelConfig(ModelKind.VAE, vocabSize, 16, 16, 4, false);
        return new TrainingJob(
                model,
                training,
                corpus,
                vocabulary,
                null,
                runDirectory,
                List.of("textvae", "train", "--out", runDirectory.toString()));
    }

    static TrainConfig training(
            long seed, long maxSteps, float learningRate, double wordDropout, KlSchedule schedule) {
        return TrainConfig.builder()
                .epochs(5)
                .maxSteps(maxSteps)
                .batchSize(4)
                .learningRate(learningRate)
                .wordDropout(wordDropout)
                .klSchedule(schedule)
                .seed(seed)
                .logEvery(1)
                .checkpointEvery(5)
                .build();
    }
}
