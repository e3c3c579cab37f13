package org.textvae.train;

import org.textvae.Seeds;

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
 * @param recurrentDropout share of the decoder GRU's hidden-to-hidden weights dropped, one mask per
 *     batch (DropConnect, as in Merity et al. 2017; 0: none, and what run folders written before
 *     the option existed read as)
 * @param keepEpochs also keep the weights validated at each epoch's end, for checkpoint averaging
 *     ({@code textvae average}); false in run folders written before the option existed
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
        float recurrentDropout,
        boolean keepEpochs,
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
        check(recurrentDropout >= 0 && recurrentDropout < 1, "recurrent dropout must be in [0, 1)");
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
                Seeds.FITTING,
                64,
                50,
                1_000,
                0f,
                0f,
                0f,
                false,
                PlateauDecay.OFF);
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same settings with another number of epochs. */
    public TrainConfig withEpochs(int newEpochs) {
        return toBuilder().epochs(newEpochs).build();
    }

    /** The same settings with another step limit. */
    public TrainConfig withMaxSteps(long newMaxSteps) {
        return toBuilder().maxSteps(newMaxSteps).build();
    }

    /** Settings by name instead of by position; {@link #build()} validates them. */
    public static final class Builder {
        private int epochs;
        private long maxSteps;
        private int batchSize;
        private float learningRate;
        private float clipNorm;
        private double wordDropout;
        private KlSchedule klSchedule;
        private float beta;
        private float freeBits;
        private long seed;
        private int maxLength;
        private int logEvery;
        private int checkpointEvery;
        private float factorGamma;
        private float dropout;
        private float recurrentDropout;
        private boolean keepEpochs;
        private PlateauDecay plateau;

        private Builder(TrainConfig from) {
            epochs = from.epochs;
            maxSteps = from.maxSteps;
            batchSize = from.batchSize;
            learningRate = from.learningRate;
            clipNorm = from.clipNorm;
            wordDropout = from.wordDropout;
            klSchedule = from.klSchedule;
            beta = from.beta;
            freeBits = from.freeBits;
            seed = from.seed;
            maxLength = from.maxLength;
            logEvery = from.logEvery;
            checkpointEvery = from.checkpointEvery;
            factorGamma = from.factorGamma;
            dropout = from.dropout;
            recurrentDropout = from.recurrentDropout;
            keepEpochs = from.keepEpochs;
            plateau = from.plateau;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder maxSteps(long value) {
            maxSteps = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder clipNorm(float value) {
            clipNorm = value;
            return this;
        }

        public Builder wordDropout(double value) {
            wordDropout = value;
            return this;
        }

        public Builder klSchedule(KlSchedule value) {
            klSchedule = value;
            return this;
        }

        public Builder beta(float value) {
            beta = value;
            return this;
        }

        public Builder freeBits(float value) {
            freeBits = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder maxLength(int value) {
            maxLength = value;
            return this;
        }

        public Builder logEvery(int value) {
            logEvery = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        public Builder factorGamma(float value) {
            factorGamma = value;
            return this;
        }

        public Builder dropout(float value) {
            dropout = value;
            return this;
        }

        public Builder recurrentDropout(float value) {
            recurrentDropout = value;
            return this;
        }

        public Builder keepEpochs(boolean value) {
            keepEpochs = value;
            return this;
        }

        public Builder plateau(PlateauDecay value) {
            plateau = value;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(
                    epochs,
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
                    recurrentDropout,
                    keepEpochs,
                    plateau);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
