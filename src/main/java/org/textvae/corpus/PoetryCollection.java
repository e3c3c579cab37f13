package org.textvae.corpus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.textvae.TextvaeException;

/**
 * The corpora built from the {@code chinese-poetry} npm package, with the rules that turn poems
 * into sentence lines: which files, which punctuation ends a line, which lengths are kept, and for
 * a held-out test set, which lines it leaves out.
 */
public enum PoetryCollection {
    /** Complete Tang Poems: regulated verse lines of exactly 5 or 7 characters. */
    TANG(
            "tang",
            "dist/quantangshi/",
            Pattern.compile("poet\\.tang\\.[^/]*\\.json"),
            LineRule.SHI,
            null),
    /** Song ci: lines of varying length, 2 to 12 characters. */
    SONGCI(
            "songci",
            "dist/songci/",
            Pattern.compile("ci\\.song\\.[^/]*\\.json"),
            new LineRule("，。？！；、", n -> n >= 2 && n <= 12),
            null),
    /**
     * Song shi lines, cut by the Tang rule, that the Tang corpus does not hold, about one in 800: a
     * test set of lines a Tang-trained model has never seen.
     */
    SONGSHI(
            "songshi",
            "dist/quantangshi/",
            Pattern.compile("poet\\.song\\.[^/]*\\.json"),
            LineRule.SHI,
            new HeldOut(TANG, 800));

    /** Where lines end and which lengths (in code points) are kept. */
    private record LineRule(String separators, IntPredicate length) {
        /** Shi, regulated verse: lines of exactly 5 or 7 characters. */
        static final LineRule SHI = new LineRule("，。？！；", n -> n == 5 || n == 7);
    }

    private final String label;
    private final String folder;
    private final Pattern fileName;
    private final LineRule rule;
    private final HeldOut heldOut;

    PoetryCollection(
            String label, String folder, Pattern fileName, LineRule rule, HeldOut heldOut) {
        this.label = label;
        this.folder = folder;
        this.fileName = fileName;
        this.rule = rule;
        this.heldOut = heldOut;
    }

    /** Returns the short name used on the command line and in the output file name. */
    public String label() {
        return label;
    }

    /** Returns the output file name, for example {@code tang.csv.gz}. */
    public String fileName() {
        return label + ".csv.gz";
    }

    /** Returns how this collection is held out from another, if it is a held-out test set. */
    public Optional<HeldOut> heldOut() {
        return Optional.ofNullable(heldOut);
    }

    /** Returns the split a line of this collection is written under. */
    Split splitOf(String line) {
        return heldOut == null ? DeterministicSplit.of(line) : Split.TEST;
    }

    /** Whether a line that passed the line rule is kept before deduplication (thinning). */
    boolean samples(String line) {
        return heldOut == null || heldOut.samples(line);
    }

    /**
     * Whether a file, given by its path relative to the package root, belongs to this collection.
     */
    boolean contains(String relativePath) {
        return relativePath.startsWith(folder)
                && fileName.matcher(relativePath.substring(folder.length())).matches();
    }

    boolean isSeparator(int codePoint) {
        return rule.separators().indexOf(codePoint) >= 0;
    }

    /** Whether a line of this many characters (code points) is kept. */
    boolean acceptsLength(int codePoints) {
        return rule.length().test(codePoints);
    }

    /**
     * Parses a command-line name.
     *
     * @throws TextvaeException USAGE for an unknown name
     */
    public static PoetryCollection fromLabel(String label) {
        for (PoetryCollection collection : values()) {
            if (collection.label.equals(label.toLowerCase(Locale.ROOT))) {
                return collection;
            }
        }
        throw new TextvaeException(
                TextvaeException.Kind.USAGE,
                "--only: unknown collection '" + label + "'; use one of " + labels());
    }

    /** Returns the labels of all collections, for help and messages: "tang, songci, songshi". */
    private static String labels() {
        return Arrays.stream(values())
                .map(PoetryCollection::label)
                .collect(Collectors.joining(", "));
    }
}
