package org.textvae.cli;

import java.math.BigDecimal;
import java.util.Map;
import org.textvae.model.ModelConfig;
import org.textvae.train.TrainConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults {@code train --help} shows and a run gets, read from the settings records ({@link
 * TrainConfig#defaults()}, {@link ModelConfig#defaults(int)}), so the Java API and the command line
 * cannot drift apart.
 */
public final class TrainDefaults implements IDefaultValueProvider {

    private static final Map<String, String> VALUES = values();

    @Override
    public String defaultValue(ArgSpec argument) {
        return argument instanceof OptionSpec option ? VALUES.get(option.longestName()) : null;
    }

    /** The default of an option by its long name, or null where the records hold none. */
    static String of(String option) {
        return VALUES.get(option);
    }

    private static Map<String, String> values() {
        TrainConfig training = TrainConfig.defaults();
        // The vocabulary size is the corpus's; any size gives the same layer sizes.
        ModelConfig model = ModelConfig.defaults(ModelConfig.MINIMUM_VOCABULARY);
        return Map.ofEntries(
                Map.entry("--model", model.kind().name().toLowerCase(java.util.Locale.ROOT)),
                Map.entry("--embedding", number(model.embeddingSize())),
                Map.entry("--hidden", number(model.hiddenSize())),
                Map.entry("--latent", number(model.latentSize())),
                Map.entry("--epochs", number(training.epochs())),
                Map.entry("--max-steps", number(training.maxSteps())),
                Map.entry("--batch-size", number(training.batchSize())),
                Map.entry("--lr", number(training.learningRate())),
                Map.entry("--clip", number(training.clipNorm())),
                Map.entry("--word-dropout", number(training.wordDropout())),
                Map.entry("--dropout", number(training.dropout())),
                Map.entry("--recurrent-dropout", number(training.recurrentDropout())),
                Map.entry("--lr-decay", number(training.plateau().factor())),
                Map.entry("--stop-after-decays", number(training.plateau().stopAfter())),
                Map.entry("--kl-schedule", training.klSchedule().spec()),
                Map.entry("--beta", number(training.beta())),
                Map.entry("--free-bits", number(training.freeBits())),
                Map.entry("--factor-gamma", number(training.factorGamma())),
                Map.entry("--seed", number(training.seed())),
                Map.entry("--max-length", number(training.maxLength())),
                Map.entry("--log-every", number(training.logEvery())),
                Map.entry("--checkpoint-every", number(training.checkpointEvery())));
    }

    /** A number as a user types it: 5, 0.001 and 1 rather than 5.0, 1.0E-3 and 1.0. */
    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String number(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String number(long value) {
        return Long.toString(value);
    }
}
