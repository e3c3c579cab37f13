package org.textvae.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.textvae.model.Checkpoint;

/**
 * A run's checkpoints: the last (every few steps and at each epoch end), the best by validation
 * −ELBO, one per epoch when the job keeps them, and the way back to the best. Weights are checked
 * finite before anything is written, so no checkpoint holds a diverged model.
 */
final class Checkpoints {

    private final RunFolder folder;
    private final Trainee trainee;
    private final TrainingJob job;

    Checkpoints(RunFolder folder, Trainee trainee, TrainingJob job) {
        this.folder = folder;
        this.trainee = trainee;
        this.job = job;
    }

    RunFolder folder() {
        return folder;
    }

    /** Saves where the run stands, for --resume. */
    void saveLast(TrainingState state, MetricsWindow window) {
        save(folder.lastCheckpoint(), state, window);
    }

    /** Saves the weights that just validated best. */
    void saveBest(TrainingState state, MetricsWindow window) {
        save(folder.bestCheckpoint(), state, window);
    }

    /** Keeps epoch {@code epoch}'s weights (without Adam's moments) for averaging. */
    void keepEpoch(int epoch) {
        folder.keepEpoch(epoch, trainee.network(), trainee.vocabulary().toJson());
    }

    /** Puts the network, Adam and the discriminator back to the best checkpoint. */
    void restoreBest(long step) {
        BestWeights.restore(
                folder.bestCheckpoint(),
                step,
                trainee.network(),
                trainee.optimizer(),
                trainee.factorVae(),
                trainee.manager());
    }

    /** Whether a last checkpoint exists to resume from. */
    boolean anyToResume() {
        return Files.exists(folder.lastCheckpoint());
    }

    Path last() {
        return folder.lastCheckpoint();
    }

    private void save(Path file, TrainingState state, MetricsWindow window) {
        FiniteWeights.require(trainee.network(), state.step());
        Map<String, byte[]> extras = ResumeEntries.of(job, state, window, trainee.optimizer());
        folder.putRunEntry(extras);
        if (trainee.factorVae() != null) {
            trainee.factorVae().saveTo(extras);
        }
        Checkpoint.of(trainee.network(), trainee.vocabulary().toJson(), extras).write(file);
    }
}
