package org.textvae.train;

/**
 * Where a run stands; saved in every checkpoint. With the seed it fixes everything still to come:
 * the data order of an epoch is a function of (seed, epoch) and each step's randomness a function
 * of (seed, step), so a resumed run repeats the uninterrupted one.
 *
 * @param epoch the epoch in progress
 * @param batchInEpoch batches of that epoch already done
 * @param step optimiser steps done in all
 * @param bestValidElbo the best validation −ELBO so far (infinity before the first)
 * @param bestStep the step at which it was reached
 * @param seconds training wall time so far
 * @param decays learning-rate decays so far (see {@link PlateauDecay})
 */
public record TrainingState(
        int epoch,
        int batchInEpoch,
        long step,
        double bestValidElbo,
        long bestStep,
        double seconds,
        int decays) {

    /** The state of a run that has not started. */
    public static TrainingState start() {
        return new TrainingState(0, 0, 0, Double.POSITIVE_INFINITY, -1, 0, 0);
    }

    TrainingState afterStep(double elapsed) {
        return new TrainingState(
                epoch,
                batchInEpoch + 1,
                step + 1,
                bestValidElbo,
                bestStep,
                seconds + elapsed,
                decays);
    }

    TrainingState nextEpoch() {
        return new TrainingState(epoch + 1, 0, step, bestValidElbo, bestStep, seconds, decays);
    }

    TrainingState withBest(double elbo) {
        return new TrainingState(epoch, batchInEpoch, step, elbo, step, seconds, decays);
    }

    TrainingState withDecay() {
        return new TrainingState(
                epoch, batchInEpoch, step, bestValidElbo, bestStep, seconds, decays + 1);
    }
}
