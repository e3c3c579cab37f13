package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.cli.CommandLineTest.Outcome;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;

/** {@code vocab build}: the segmentation it picks, and its one-line warnings. */
class VocabBuildCommandTest {

    /** 300 lines of emoji and kana without a space, each line different. */
    private static Path spacelessCorpus(Path directory) throws Exception {
        List<String> lines = new ArrayList<>();
        String[] pieces = {"😀", "🎉", "ねこ", "すき", "❤️", "👍🏽"};
        for (int i = 0; i < 300; i++) {
            lines.add(pieces[i % 6] + pieces[(i / 6) % 6] + pieces[(i / 36) % 6] + i % 10);
        }
        return Files.write(directory.resolve("spaceless.txt"), lines);
    }

    private static Outcome build(Path corpus, Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "vocab",
                                "build",
                                "--corpus",
                                corpus.toString(),
                                "--out",
                                "" + out));
        args.addAll(List.of(more));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void textWithoutSpacesIsCutIntoCharactersByDefault(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("v.json");
        Outcome outcome = build(spacelessCorpus(directory), out);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("character segmentation"), outcome.out());
        assertEquals("", outcome.err());
        try (Vocabulary vocabulary = Vocabulary.load(out)) {
            assertEquals(Segmentation.CHARACTER, vocabulary.segmentation());
        }
    }

    @Test
    void forcedWordsOnTextWithoutSpacesWarnInOneLine(@TempDir Path directory) throws Exception {
        Outcome outcome =
                build(
                        spacelessCorpus(directory),
                        directory.resolve("v.json"),
                        "--segmentation",
                        "word");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.err().strip().lines().toList();
        assertEquals(1, lines.size(), outcome.err());
        assertTrue(lines.get(0).startsWith("warning: "), lines.get(0));
        assertTrue(lines.get(0).contains("occur only once"), lines.get(0));
        assertTrue(lines.get(0).contains("--segmentation character"), lines.get(0));
    }

    @Test
    void aLongLineWithoutSpacesNeverBecomesAToken(@TempDir Path directory) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("The cat sat on the mat, and the dog sat too.");
        }
        lines.add("x".repeat(100_000));
        Path corpus = Files.write(directory.resolve("long.txt"), lines);
        Path out = directory.resolve("v.json");
        Outcome outcome = build(corpus, out);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("word segmentation"), outcome.out());
        assertTrue(
                outcome.err().startsWith("warning: left 1 token longer than 100 characters"),
                outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(Files.size(out) < 10_000, "the long line is not in the file");
    }

    @Test
    void englishWordsLoseTheirPunctuation(@TempDir Path directory) throws Exception {
        Path corpus =
                Files.write(
                        directory.resolve("english.txt"),
                        List.of("We write software.", "Software, he said; software!"));
        Path out = directory.resolve("v.json");
        Outcome outcome = build(corpus, out);
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (Vocabulary vocabulary = Vocabulary.load(out)) {
            assertEquals(Segmentation.WORD, vocabulary.segmentation());
            int[] ids = vocabulary.encode("software. software");
            assertEquals(3, ids.length);
            assertEquals(ids[0], ids[2]);
        }
        Path whitespace = directory.resolve("w.json");
        outcome = build(corpus, whitespace, "--segmentation", "whitespace");
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (Vocabulary vocabulary = Vocabulary.load(whitespace)) {
            assertEquals(Segmentation.WHITESPACE, vocabulary.segmentation());
            assertEquals(1, vocabulary.encode("software.").length);
        }
    }

    @Test
    void anUnknownModeIsAOneLineUsageError(@TempDir Path directory) throws Exception {
        Outcome outcome =
                build(
                        spacelessCorpus(directory),
                        directory.resolve("v.json"),
                        "--segmentation",
                        "bpe");
        assertEquals(2, outcome.exitCode());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("whitespace"), outcome.err());
        assertFalse(Files.exists(directory.resolve("v.json")));
    }
}
