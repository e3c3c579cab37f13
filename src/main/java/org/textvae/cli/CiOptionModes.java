package org.textvae.cli;

import java.util.List;
import java.util.Map;
import org.textvae.TextvaeException;
import picocli.CommandLine.ParseResult;

/**
 * Which of {@code textvae ci}'s modes each of its options applies to: an option given for another
 * mode than the one chosen would be ignored, so it is refused instead.
 */
final class CiOptionModes {

    private static final List<String> MODES =
            List.of("--list", "--show", "--groups", "--measure", "--tune");

    private static final Map<String, List<String>> APPLIES_TO =
            Map.ofEntries(
                    Map.entry("--all", List.of("--list")),
                    Map.entry("-n", List.of("--tune")),
                    Map.entry("--json", List.of("--tune")),
                    Map.entry("--rhyme", List.of("--tune")),
                    Map.entry("--seed", List.of("--tune", "--measure")),
                    Map.entry("--theme", List.of("--tune", "--measure")),
                    Map.entry("--independent-lines", List.of("--tune", "--measure")),
                    Map.entry("--model", List.of("--tune", "--measure")),
                    Map.entry("--tunes", List.of("--measure")),
                    Map.entry("--corpus", List.of("--measure")),
                    Map.entry("--poem-corpus", List.of("--measure")));

    private CiOptionModes() {}

    /** Refuses, in one line, an option given that does not apply to the chosen mode. */
    static void refuseOthers(ParseResult parsed) {
        String mode = MODES.stream().filter(parsed::hasMatchedOption).findFirst().orElseThrow();
        APPLIES_TO.keySet().stream()
                .sorted()
                .filter(parsed::hasMatchedOption)
                .filter(option -> !APPLIES_TO.get(option).contains(mode))
                .findFirst()
                .ifPresent(
                        option -> {
                            throw new TextvaeException(
                                    TextvaeException.Kind.USAGE,
                                    option
                                            + " applies to "
                                            + String.join(" or ", APPLIES_TO.get(option))
                                            + ", not to "
                                            + mode);
                        });
    }
}
