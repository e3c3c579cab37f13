package org.textvae.train;

/**
 * How a model is trained. Immutable and validated on construction; recorded in every run folder and
 * checkpoint so a run can be repeated and resumed.
 *
 * @param epochs passes over the training split
 * @param maxSteps stop after this many optimiser steps in all (0: no limit)
 * @param batchSize sentences per step
 * @param learningRate Adam's step size
 * @param clipNorm global gradient-norm limit (0: no clipping)
 * @param wordDropout probability of replacing each decoder input word by {@code <unk>}
 * @param klSchedule how β rises from 0 (Bowman et al. 2016; Fu et al. 2019)
 * @param beta the final weight of the KL term (1: the VAE; other values: β-VAE)
 * @param freeBits KL floor per latent dimension in nats (0: none)
 * @param seed the one seed behind weights, data order, word dropout and sampling
 * @param maxLength sentences with more tokens are skipped (and counted)
 * @param logEvery steps between metrics rows
 * @param checkpointEvery steps between checkpoints within an epoch (0: only at epoch ends)
 * @param factorGamma weight of FactorVAE's total-correlation penalty (0: a plain VAE)
 * @param dropout share of the decoder's input-embedding and output units dropped (0: none)
 * @param plateau what an epoch without a better validation −ELBO does; null reads as {@link
 *     PlateauDecay#OFF}, as in run folders written before the option existed
 */
public record TrainConfig(
        int epochs,
        long maxSteps,
        int batchSize,
        float learningRate,
        float clipNorm,
        double wordDropout,
        KlSchedule klSchedule,
        float beta,
        float freeBits,
        long seed,
        int maxLength,
        int logEvery,
        int checkpointEvery,
        float factorGamma,
        float dropout,
        PlateauDecay plateau) {

    public TrainConfig {
        plateau = plateau == null ? PlateauDecay.OFF : plateau;
        check(epochs > 0, "epochs must be positive, got " + epochs);
        check(maxSteps >= 0, "max steps must be 0 (no limit) or positive, got " + maxSteps);
        check(batchSize > 0, "batch size must be positive, got " + batchSize);
        check(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be positive");
        check(clipNorm >= 0, "gradient clip norm must be 0 (off) or positive");
        check(wordDropout >= 0 && wordDropout < 1, "word dropout must be in [0, 1)");
        check(klSchedule != null, "a KL schedule is required");
        check(beta >= 0 && Float.isFinite(beta), "beta must be 0 or positive");
        check(freeBits >= 0, "free bits must be 0 or positive");
        check(maxLength > 0, "maximum length must be positive");
        check(logEvery > 0, "log interval must be positive");
        check(checkpointEvery >= 0, "checkpoint interval must be 0 or positive");
        check(
                factorGamma >= 0 && Float.isFinite(factorGamma),
                "factor gamma must be 0 or positive");
        check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
    }

    /** Defaults for Bowman-like training on short sentences. */
    public static TrainConfig defaults() {
        return new TrainConfig(
                10,
                0,
                128,
                1e-3f,
                5f,
                0.25,
                new KlSchedule.Logistic(2_500, 0.0025),
                1f,
                0f,
                42,
                64,
                50,
                1_000,
                0f,
                0f,
                PlateauDecay.OFF);
    }

    /** The same settings with another number of epochs. */
    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(
                newEpochs,
                maxSteps,
                batchSize,
                learningRate,
                clipNorm,
                wordDropout,
                klSchedule,
                beta,
                freeBits,
                seed,
                maxLength,
                logEvery,
                checkpointEvery,
                factorGamma,
                dropout,
                plateau);
    }

    /** The same settings with another step limit. */
    public TrainConfig withMaxSteps(long newMaxSteps) {
        return new TrainConfig(
                epochs,
                newMaxSteps,
                batchSize,
                learningRate,
                clipNorm,
                wordDropout,
                klSchedule,
                beta,
                freeBits,
                seed,
                maxLength,
                logEvery,
                checkpointEvery,
                factorGamma,
                dropout,
                plateau);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
