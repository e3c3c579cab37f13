package org.textvae.ci;

import java.util.List;
import java.util.stream.Collectors;
import org.textvae.TextvaeException;

/** Finds the tune a user names, or refuses in one line that says what would be accepted. */
public final class TuneLookup {

    /** Names offered for a tune the table does not hold. */
    static final int SUGGESTIONS = 3;

    private TuneLookup() {}

    /**
     * The tune of {@code name} (either script, full name or one of its names), whose form must be
     * known.
     *
     * @throws TextvaeException (usage) for a name the table lacks, naming the closest tunes, or a
     *     tune whose form the corpus does not show, with the reason
     */
    public static Tune require(TuneTable table, String name) {
        Tune tune =
                table.find(name)
                        .orElseThrow(
                                () ->
                                        new TextvaeException(
                                                TextvaeException.Kind.USAGE,
                                                "no tune '"
                                                        + name.strip()
                                                        + "'; the closest are "
                                                        + closest(table, name)
                                                        + " (textvae ci --list shows them all)"));
        if (!tune.formKnown()) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "the corpus does not show a form for " + tune.whyUnknown());
        }
        return tune;
    }

    private static String closest(TuneTable table, String name) {
        List<Tune> near = table.closest(name, SUGGESTIONS);
        return near.stream().map(Tune::name).collect(Collectors.joining(", "));
    }
}
