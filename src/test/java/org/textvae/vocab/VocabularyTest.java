package org.textvae.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textvae.TextvaeException;

class VocabularyTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(VocabularyTest.class.getResource(name).toURI());
    }

    @Test
    void characterRoundTripIncludingANonBmpCharacter() throws Exception {
        try (Vocabulary vocab = Vocabulary.load(resource("char.tokenizer.json"))) {
            assertEquals(Segmentation.CHARACTER, vocab.segmentation());
            assertEquals(10, vocab.size());
            int[] ids = vocab.encode("床前 明月\uD840\uDC00光");
            assertArrayEquals(new int[] {4, 5, 6, 7, 9, 8}, ids);
            assertEquals("床前明月\uD840\uDC00光", vocab.decode(ids));
            assertEquals("\uD840\uDC00", vocab.token(9));
        }
    }

    @Test
    void wordRoundTripWithSingleSpaces() throws Exception {
        try (Vocabulary vocab = Vocabulary.load(resource("word.tokenizer.json"))) {
            // Written before punctuation was split: WhitespaceSplit alone.
            assertEquals(Segmentation.WHITESPACE, vocab.segmentation());
            int[] ids = vocab.encode("the  cat\tsat on the mat");
            assertArrayEquals(new int[] {4, 5, 6, 7, 4, 8}, ids);
            assertEquals("the cat sat on the mat", vocab.decode(ids));
        }
    }

    @Test
    void characterVocabulariesCutWhatAReaderSeesAsOneAndOlderOnesCodePoints(@TempDir Path dir)
            throws Exception {
        List<String> tokens =
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "👍🏽", "👍", "🏽", "e\u0301");
        String json = TokenizerJson.write(tokens, Segmentation.CHARACTER, false);
        Path now = dir.resolve("now.json");
        Files.writeString(now, json);
        Path before = dir.resolve("before.json");
        Files.writeString(before, json.replace("\"\\\\X\"", "\".\""));
        try (Vocabulary vocab = Vocabulary.load(now)) {
            assertArrayEquals(new int[] {4, 7}, vocab.encode("👍🏽e\u0301"));
            assertEquals("👍🏽e\u0301", vocab.decode(new int[] {4, 7}));
        }
        try (Vocabulary vocab = Vocabulary.load(before)) {
            assertEquals(Segmentation.CHARACTER, vocab.segmentation());
            assertArrayEquals(new int[] {5, 6}, vocab.encode("👍🏽"));
        }
    }

    @Test
    void shippedVocabulariesReadAsBeforeAndTheWriterStillMakesTheirBytes() throws Exception {
        for (String name : List.of("tang", "songci", "ptb")) {
            Path file = Path.of("vocab", name + ".tokenizer.json");
            String json = Files.readString(file);
            try (Vocabulary vocab = Vocabulary.load(file)) {
                Segmentation expected =
                        name.equals("ptb") ? Segmentation.WHITESPACE : Segmentation.CHARACTER;
                assertEquals(expected, vocab.segmentation(), name);
                List<String> tokens = new ArrayList<>();
                for (int id = 0; id < vocab.size(); id++) {
                    tokens.add(vocab.token(id));
                }
                assertEquals(json, TokenizerJson.write(tokens, expected, false), name);
            }
        }
        try (Vocabulary ptb = Vocabulary.load(Path.of("vocab/ptb.tokenizer.json"))) {
            // Its words keep their punctuation: "n't" and "'s" are tokens, not three and two.
            int[] ids = ptb.encode("they do n't know the company 's plans");
            assertEquals(8, ids.length);
            assertTrue(ids[2] != ptb.unkId() && ids[6] != ptb.unkId());
        }
    }

    @Test
    void wordVocabulariesSplitPunctuationWhenTheyEncode() {
        List<String> lines = List.of("I like software.", "Software, they said; software!");
        VocabularyOptions words = new VocabularyOptions(Segmentation.WORD, 1, 100);
        try (Vocabulary vocab =
                Vocabulary.fromJson(new VocabularyBuilder(words).addAll(lines).toJson())) {
            assertEquals(Segmentation.WORD, vocab.segmentation());
            int[] ids = vocab.encode("software. software, software");
            assertEquals(5, ids.length);
            assertEquals(ids[0], ids[2]);
            assertEquals(ids[0], ids[4]);
            assertEquals(List.of(), vocab.unknownTokens("Software; I like software!"));
            assertEquals("I like software .", vocab.decode(vocab.encode("I like software.")));
        }
    }

    @Test
    void aLowercasedVocabularyReadsEveryCaseAsOneToken() {
        List<String> lines = List.of("The cat sat", "the Cat ran", "THE DOG");
        VocabularyOptions cased = new VocabularyOptions(Segmentation.WORD, 1, 100);
        VocabularyOptions lowered = new VocabularyOptions(Segmentation.WORD, 1, 100, true);
        try (Vocabulary keep =
                        Vocabulary.fromJson(new VocabularyBuilder(cased).addAll(lines).toJson());
                Vocabulary lower =
                        Vocabulary.fromJson(
                                new VocabularyBuilder(lowered).addAll(lines).toJson())) {
            assertFalse(keep.lowercase());
            assertTrue(lower.lowercase());
            // The, the, THE, cat, Cat, sat, ran, DOG against the, cat, sat, ran, dog.
            assertEquals(4 + 8, keep.size());
            assertEquals(4 + 5, lower.size());
            assertArrayEquals(lower.encode("the cat"), lower.encode("THE Cat"));
            assertEquals("the cat ran", lower.decode(lower.encode("The CAT Ran")));
            // Unknown tokens are reported as written.
            assertEquals(List.of("Bird"), lower.unknownTokens("The Bird"));
            assertTrue(Vocabulary.fromJson(lower.toJson()).lowercase(), "survives a checkpoint");
        }
    }

    @Test
    void unknownTokensMapToUnkAndAreListed() throws Exception {
        try (Vocabulary chars = Vocabulary.load(resource("char.tokenizer.json"));
                Vocabulary words = Vocabulary.load(resource("word.tokenizer.json"))) {
            String sentence = "床\uD841\uDC01前霜 霜<unk>";
            assertArrayEquals(new int[] {4, 1, 5, 1, 1, 1}, chars.encode(sentence));
            assertEquals(List.of("\uD841\uDC01", "霜"), chars.unknownTokens(sentence));
            assertEquals("床<unk>前<unk><unk><unk>", chars.decode(chars.encode(sentence)));
            assertArrayEquals(new int[] {4, 1, 5}, words.encode("the dog cat"));
            assertEquals(List.of("dog"), words.unknownTokens("the dog cat"));
            assertEquals("the <unk> cat", words.decode(new int[] {2, 4, 1, 5, 3, 0, 0}));
        }
    }

    @Test
    void controlTokensWrittenInTheTextAreReadAsUnknown() throws Exception {
        try (Vocabulary chars = Vocabulary.load(resource("char.tokenizer.json"));
                Vocabulary words = Vocabulary.load(resource("word.tokenizer.json"))) {
            String sentence = "床<eos>前<pad>光<bos>";
            assertArrayEquals(new int[] {4, 1, 5, 1, 8, 1}, chars.encode(sentence));
            assertEquals(List.of("<eos>", "<pad>", "<bos>"), chars.unknownTokens(sentence));
            assertArrayEquals(new int[] {4, 1, 5, 1}, words.encode("the <eos> cat <unk>"));
            assertEquals(List.of("<eos>"), words.unknownTokens("the <eos> cat <unk>"));
        }
    }

    @Test
    void specialIdsAreFixed() throws Exception {
        try (Vocabulary vocab = Vocabulary.load(resource("word.tokenizer.json"))) {
            assertEquals(0, vocab.padId());
            assertEquals(1, vocab.unkId());
            assertEquals(2, vocab.bosId());
            assertEquals(3, vocab.eosId());
            assertEquals(
                    List.of("<pad>", "<unk>", "<bos>", "<eos>"),
                    List.of(vocab.token(0), vocab.token(1), vocab.token(2), vocab.token(3)));
            assertEquals(1, vocab.id("zebra"));
            assertThrows(IllegalArgumentException.class, () -> vocab.decode(new int[] {10}));
        }
    }

    @Test
    void vocabularyWithoutSpecialsIsRejected() throws Exception {
        Path path = resource("no-specials.tokenizer.json");
        TextvaeException e = assertThrows(TextvaeException.class, () -> Vocabulary.load(path));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("<pad>"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoErrorAndBrokenJsonAnInputError(@TempDir Path dir) throws IOException {
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> Vocabulary.load(dir.resolve("x.json")));
        assertEquals(TextvaeException.Kind.IO, e.kind());
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"model\": ");
        e = assertThrows(TextvaeException.class, () -> Vocabulary.load(broken));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\": {\n  \"type\" \"WordLevel\"}}", "{\"model\": [1,,}"})
    void malformedJsonIsOneCleanLineWithItsPosition(String text, @TempDir Path dir)
            throws IOException {
        Path broken = Files.writeString(dir.resolve("vocab.json"), text);
        TextvaeException e = assertThrows(TextvaeException.class, () -> Vocabulary.load(broken));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().startsWith(broken + ": invalid tokenizer"), e.getMessage());
        assertTrue(
                e.getMessage().matches(".*malformed JSON at line \\d+ column \\d+.*"),
                e.getMessage());
        for (String leak : List.of("JsonReader", "Strictness", "gson", "Exception", "\n")) {
            assertFalse(e.getMessage().contains(leak), e.getMessage());
        }
    }

    @Test
    void jsonThatIsNotAnObjectIsRefusedWithoutQuotingIt(@TempDir Path dir) throws IOException {
        Path array = Files.writeString(dir.resolve("array.json"), "[\"secret\", 1, 2]");
        TextvaeException e = assertThrows(TextvaeException.class, () -> Vocabulary.load(array));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void emptyAndNonUtf8FilesAreInputErrorsThatSaySo(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        TextvaeException e = assertThrows(TextvaeException.class, () -> Vocabulary.load(empty));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        Path binary =
                Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 10});
        e = assertThrows(TextvaeException.class, () -> Vocabulary.load(binary));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void embeddedJsonLoadsTheSameVocabulary() throws Exception {
        Path path = resource("char.tokenizer.json");
        try (Vocabulary file = Vocabulary.load(path);
                Vocabulary copy = Vocabulary.fromJson(file.toJson())) {
            assertEquals(Files.readString(path, StandardCharsets.UTF_8), copy.toJson());
            assertArrayEquals(file.encode("明月光"), copy.encode("明月光"));
        }
    }

    @Test
    void concurrentEncodeAndDecodeAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Vocabulary vocab = Vocabulary.load(resource("char.tokenizer.json"))) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> vocab.decode(vocab.encode("床前明月光"))));
            }
            for (Future<String> result : results) {
                assertEquals("床前明月光", result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
