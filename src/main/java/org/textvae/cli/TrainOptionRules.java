package org.textvae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.textvae.model.ModelKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Options of {@code train} that were typed but would be ignored: refused with exit 2 rather than
 * dropped silently. Only typed options count (picocli's parse result), never default values.
 */
final class TrainOptionRules {

    /** What a resumed run takes from the command line; every other setting is the run's own. */
    static final Set<String> RESUME_OPTIONS =
            Set.of("--resume", "--epochs", "--max-steps", "--no-progress");

    /** Options about the KL term: the autoencoder has z but no KL, the LM neither. */
    private static final List<String> KL_OPTIONS =
            List.of("--kl-schedule", "--beta", "--free-bits", "--factor-gamma");

    private static final List<String> LATENT_OPTIONS = List.of("--latent", "--z-every-step");

    private TrainOptionRules() {}

    /**
     * A resumed run continues exactly with the settings it was started with (its checkpoint holds
     * them), so any other setting typed with --resume would be ignored. Global options (--threads,
     * --verbose) are the process's, not the run's, and stay allowed.
     */
    static void refuseSettingsOnResume(CommandSpec spec) {
        List<String> refused =
                spec.commandLine().getParseResult().matchedOptions().stream()
                        .filter(option -> !option.inherited())
                        .map(OptionSpec::longestName)
                        .filter(name -> !RESUME_OPTIONS.contains(name))
                        .distinct()
                        .toList();
        if (!refused.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    String.join(", ", refused)
                            + " cannot be changed when resuming: a resumed run continues in its"
                            + " folder with its own settings (config.json); only --epochs,"
                            + " --max-steps and --no-progress apply");
        }
    }

    /** Refuses options typed for a model kind that has no use for them. */
    static void refuseOptionsTheModelIgnores(CommandSpec spec, ModelKind kind) {
        List<String> meaningless = new ArrayList<>();
        if (!kind.samplesLatent()) {
            meaningless.addAll(typed(spec, KL_OPTIONS));
        }
        if (!kind.hasLatent()) {
            meaningless.addAll(typed(spec, LATENT_OPTIONS));
        }
        if (!meaningless.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    String.join(", ", meaningless)
                            + (meaningless.size() == 1 ? " means" : " mean")
                            + " nothing for --model "
                            + kind.name().toLowerCase(Locale.ROOT)
                            + (kind.hasLatent()
                                    ? " (a deterministic z, no KL term)"
                                    : " (no latent variable)"));
        }
    }

    private static List<String> typed(CommandSpec spec, List<String> options) {
        return options.stream()
                .filter(spec.commandLine().getParseResult()::hasMatchedOption)
                .toList();
    }
}
