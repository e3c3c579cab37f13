package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.generate.SentencePair;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * The rules for bulk input files, without a model: how lines are read, which are skipped, which end
 * the command and with which line number.
 */
class BulkInputTest {

    @TempDir static Path directory;
    private static Vocabulary vocabulary;

    @BeforeAll
    static void buildVocabulary() {
        VocabularyBuilder builder =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 1000));
        builder.addAll(List.of("春眠不覺曉", "處處聞啼鳥", "夜來風雨聲"));
        vocabulary = Vocabulary.fromJson(builder.toJson());
    }

    @AfterAll
    static void closeVocabulary() {
        vocabulary.close();
    }

    private static InputFile file(String name, String text) throws Exception {
        Path path = directory.resolve(name);
        Files.write(path, text.getBytes(StandardCharsets.UTF_8));
        return InputFile.read(path.toString());
    }

    @Test
    void linesEndAtLfOrCrlfAndAByteOrderMarkIsDropped() throws Exception {
        InputFile file = file("crlf.txt", "\uFEFF春眠\r\n夜來\n\n風雨");
        assertEquals(List.of("春眠", "夜來", "", "風雨"), file.lines());
        assertEquals(List.of("春眠"), file("one.txt", "春眠\n").lines());
        assertEquals(List.of(), file("none.txt", "").lines());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLineNumber() throws Exception {
        Path path = directory.resolve("latin1.txt");
        byte[] good = "春眠\n夜來\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9; // é in Latin-1
        bytes[good.length + 1] = 'a';
        bytes[good.length + 2] = '\n';
        Files.write(path, bytes);
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> InputFile.read(path.toString()));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertEquals(path + " line 3: not UTF-8 text", e.getMessage());
    }

    @Test
    void aMissingFileOrAFolderIsAnIoError() {
        for (Path path : List.of(directory.resolve("missing.txt"), directory)) {
            TextvaeException e =
                    assertThrows(TextvaeException.class, () -> InputFile.read(path.toString()));
            assertEquals(TextvaeException.Kind.IO, e.kind());
            assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        }
    }

    @Test
    void emptyLinesAreSkippedAndCountedAndUnknownsKeptPerLine() throws Exception {
        InputFile file = file("mixed.txt", "春眠\n\n  \n夜來龘\n\u00A0\n處處\n");
        BulkInput<String> input = BulkInput.sentences(file, vocabulary);
        assertEquals(List.of("春眠", "夜來龘", "處處"), input.items());
        assertEquals(List.of(1, 4, 6), input.lineNumbers());
        assertEquals(List.of(List.of(), List.of("龘"), List.of()), input.unknowns());
        // A no-break space is not blank to Java but a space to the tokenizer: no tokens either.
        assertEquals(List.of(2, 3, 5), input.emptyLines());
        assertEquals(
                "textvae: skipped empty lines 2, 3, 5 of " + file.name(),
                stderrOf(input::reportEmptyLines));
    }

    @Test
    void manyEmptyLinesAreCountedNotAllListed() throws Exception {
        BulkInput<String> input =
                BulkInput.sentences(file("gaps.txt", "春眠" + "\n".repeat(30) + "夜來"), vocabulary);
        String report = stderrOf(input::reportEmptyLines);
        assertTrue(
                report.startsWith("textvae: skipped empty lines 2, 3, 4,")
                        && report.endsWith(", 21 and 9 more of " + directory.resolve("gaps.txt")),
                report);
    }

    @Test
    void aLineLongerThanTheLongestDecodedLineEndsTheCommandNamingIt() throws Exception {
        String fits = "春".repeat(BulkInput.MAX_TOKENS);
        InputFile file = file("long.txt", fits + "\n\n春" + fits + "\n");
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> BulkInput.sentences(file, vocabulary));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(
                e.getMessage().startsWith(file.name() + " line 3: the line has 41 tokens;"),
                e.getMessage());
    }

    @Test
    void pairsAreSplitAtTheirOneTab() throws Exception {
        InputFile file = file("pairs.tsv", "春眠\t夜來\n\n處處 聞\t啼鳥龘\n");
        BulkInput<SentencePair> pairs = BulkInput.pairs(file, vocabulary);
        assertEquals(
                List.of(new SentencePair("春眠", "夜來"), new SentencePair("處處 聞", "啼鳥龘")),
                pairs.items());
        assertEquals(List.of(1, 3), pairs.lineNumbers());
        assertEquals(List.of(List.of(), List.of("龘")), pairs.unknowns());
        assertEquals(List.of(2), pairs.emptyLines());
    }

    @Test
    void aBadPairLineEndsTheCommandNamingItsLine() throws Exception {
        String[][] cases = {
            {"春眠\t夜來\n春眠 夜來\n", "line 2: no tab;"},
            {"春眠\t夜來\t風雨\n", "line 1: 2 tabs;"},
            {"春眠\t夜來\n\n春眠\t \n", "line 3: TO is empty"},
            {"\t夜來\n", "line 1: FROM is empty"},
            {"春眠\t" + "春".repeat(BulkInput.MAX_TOKENS + 1) + "\n", "line 1: TO has 41 tokens;"}
        };
        for (int i = 0; i < cases.length; i++) {
            InputFile file = file("bad-" + i + ".tsv", cases[i][0]);
            TextvaeException e =
                    assertThrows(TextvaeException.class, () -> BulkInput.pairs(file, vocabulary));
            assertEquals(TextvaeException.Kind.INPUT, e.kind());
            assertTrue(e.getMessage().startsWith(file.name() + " " + cases[i][1]), e.getMessage());
        }
    }

    @Test
    void unknownCharactersAreListedForTenLinesThenSummed() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            lines.add("春眠" + Character.toString(0x9F98 + i % 4));
        }
        BulkInput<String> input =
                BulkInput.sentences(file("unknown.txt", String.join("\n", lines)), vocabulary);
        List<String> report = stderrOf(() -> Unknowns.report(input)).lines().toList();
        assertEquals(Unknowns.LINES_LISTED + 1, report.size(), String.join("\n", report));
        assertEquals(
                "textvae: not in the vocabulary, read as <unk>: 龘 (" + input.name() + " line 1)",
                report.get(0));
        assertEquals(
                "textvae: and 4 more lines of "
                        + input.name()
                        + " with tokens not in the vocabulary (4 distinct tokens in all)",
                report.get(Unknowns.LINES_LISTED));
    }

    private static String stderrOf(Runnable report) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            report.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
