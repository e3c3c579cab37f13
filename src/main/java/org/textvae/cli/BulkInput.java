package org.textvae.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.generate.SentencePair;
import org.textvae.vocab.Vocabulary;

/**
 * The sentences or pairs of an {@code --input} file, every line checked before anything is decoded,
 * so that an error never leaves half an output behind.
 *
 * <p>The rules, the same for every bulk command: a line with no tokens (empty, or only spaces) is
 * skipped and reported; a line, or a pair's side, of more than {@link #MAX_TOKENS} tokens ends the
 * command (exit 3), since no decoded line is longer and its reconstruction could never be whole; so
 * does a pair line without exactly one tab, or with an empty side.
 *
 * @param name the file, for messages
 * @param items a sentence or a pair per line not skipped, in order
 * @param lineNumbers each item's line number, from 1
 * @param unknowns each item's tokens outside the vocabulary (read as {@code <unk>}), in order
 * @param emptyLines the numbers of the lines skipped
 */
record BulkInput<T>(
        String name,
        List<T> items,
        List<Integer> lineNumbers,
        List<List<String>> unknowns,
        List<Integer> emptyLines) {

    /** Longest sentence accepted: the longest line a reconstruction or a path is decoded to. */
    static final int MAX_TOKENS = SentenceVae.DEFAULT_MAX_LENGTH;

    /** Empty lines named in the report; the rest are counted. */
    static final int EMPTY_LINES_LISTED = 20;

    BulkInput {
        Objects.requireNonNull(name, "name");
        if (items.size() != lineNumbers.size() || items.size() != unknowns.size()) {
            throw new IllegalArgumentException("one line number and one unknown list per item");
        }
    }

    /** One sentence per line. */
    static BulkInput<String> sentences(InputFile file, Vocabulary vocabulary) {
        return read(
                file,
                vocabulary,
                (line, number, unknown) -> {
                    check(file, number, "the line", line, vocabulary, unknown);
                    return line;
                });
    }

    /** One pair per line, {@code FROM<TAB>TO}. */
    static BulkInput<SentencePair> pairs(InputFile file, Vocabulary vocabulary) {
        return read(
                file,
                vocabulary,
                (line, number, unknown) -> {
                    String[] sides = line.split("\t", -1);
                    if (sides.length != 2) {
                        throw input(
                                file,
                                number,
                                (sides.length == 1 ? "no tab" : (sides.length - 1) + " tabs")
                                        + "; each line is a pair FROM<TAB>TO, with one tab");
                    }
                    check(file, number, "FROM", sides[0], vocabulary, unknown);
                    check(file, number, "TO", sides[1], vocabulary, unknown);
                    return new SentencePair(sides[0], sides[1]);
                });
    }

    @FunctionalInterface
    private interface LineReader<T> {
        /** The item on a line that has tokens, its unknown tokens added to {@code unknown}. */
        T read(String line, int number, Set<String> unknown);
    }

    private static <T> BulkInput<T> read(
            InputFile file, Vocabulary vocabulary, LineReader<T> reader) {
        List<T> items = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<List<String>> unknowns = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i);
            int number = i + 1;
            if (line.isBlank() || vocabulary.encode(line).length == 0) {
                empty.add(number);
                continue;
            }
            Set<String> unknown = new LinkedHashSet<>();
            items.add(reader.read(line, number, unknown));
            numbers.add(number);
            unknowns.add(List.copyOf(unknown));
        }
        return new BulkInput<>(file.name(), items, numbers, unknowns, empty);
    }

    /** Refuses an empty or overlong sentence; adds its unknown tokens to {@code unknown}. */
    private static void check(
            InputFile file,
            int number,
            String what,
            String sentence,
            Vocabulary vocabulary,
            Set<String> unknown) {
        int[] ids = sentence.isBlank() ? new int[0] : vocabulary.encode(sentence);
        if (ids.length == 0) {
            throw input(file, number, what + " is empty");
        }
        if (ids.length > MAX_TOKENS) {
            throw input(
                    file,
                    number,
                    String.format(
                            Locale.ROOT,
                            "%s has %,d tokens; no line is decoded longer than %d, so its"
                                    + " reconstruction could not be whole",
                            what,
                            ids.length,
                            MAX_TOKENS));
        }
        for (int id : ids) {
            if (id == vocabulary.unkId()) {
                unknown.addAll(vocabulary.unknownTokens(sentence));
                return;
            }
        }
    }

    private static TextvaeException input(InputFile file, int number, String problem) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT, file.name() + " line " + number + ": " + problem);
    }

    /** One line on standard error naming the empty lines skipped, if there were any. */
    void reportEmptyLines() {
        if (emptyLines.isEmpty()) {
            return;
        }
        String listed =
                emptyLines.stream()
                        .limit(EMPTY_LINES_LISTED)
                        .map(String::valueOf)
                        .collect(Collectors.joining(", "));
        int more = emptyLines.size() - EMPTY_LINES_LISTED;
        System.err.println(
                "textvae: skipped empty line"
                        + (emptyLines.size() > 1 ? "s " : " ")
                        + listed
                        + (more > 0 ? String.format(Locale.ROOT, " and %,d more", more) : "")
                        + " of "
                        + name);
    }
}
