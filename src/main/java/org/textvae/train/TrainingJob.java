package org.textvae.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.textvae.model.ModelConfig;

/**
 * Everything a training run needs: what to build, how to train it, on what, and where to write.
 *
 * @param model the network's shape (its vocabulary size must match the vocabulary)
 * @param training the training settings
 * @param corpus the corpus file (CSV with splits, or plain text, one sentence a line)
 * @param vocabulary the tokenizer.json to use
 * @param validCorpus a separate validation file, or null to use the corpus's valid split
 * @param runDirectory the run folder
 * @param commandLine the command that started the run, recorded for repeatability
 */
public record TrainingJob(
        ModelConfig model,
        TrainConfig training,
        Path corpus,
        Path vocabulary,
        Path validCorpus,
        Path runDirectory,
        List<String> commandLine) {

    public TrainingJob {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(runDirectory, "runDirectory");
        commandLine = List.copyOf(commandLine);
    }

    /** The same job with another number of epochs (to extend a finished run on resume). */
    public TrainingJob withEpochs(int epochs) {
        return new TrainingJob(
                model,
                training.withEpochs(epochs),
                corpus,
                vocabulary,
                validCorpus,
                runDirectory,
                commandLine);
    }

    /** The same job with another step limit. */
    public TrainingJob withMaxSteps(long maxSteps) {
        return new TrainingJob(
                model,
                training.withMaxSteps(maxSteps),
                corpus,
                vocabulary,
                validCorpus,
                runDirectory,
                commandLine);
    }
}
