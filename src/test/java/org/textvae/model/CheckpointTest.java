package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * Checkpoint files: a write/read round trip restores a network with the same outputs, and a
 * missing, truncated, corrupted or self-contradicting file fails as a {@link TextvaeException} of
 * kind MODEL with a message the user can act on, never as a raw exception or a wrong network.
 */
class CheckpointTest {

    static final String TOKENIZER =
            new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 100))
                    .add("abcdefgh")
                    .toJson();
    static final ModelConfig CONFIG = new ModelConfig(ModelKind.VAE, 12, 16, 16, 4, false);
    private static final Map<String, byte[]> EXTRAS =
            Map.of("training/note.txt", "step 7".getBytes(StandardCharsets.UTF_8));

    @TempDir Path dir;
    private Path file;

    @BeforeEach
    void writeCheckpoint() {
        file = dir.resolve("model.ckpt");
        try (NDManager manager = NDManager.newBaseManager()) {
            Checkpoint.of(seededNetwork(manager), TOKENIZER, EXTRAS).write(file);
        }
    }

    @Test
    void roundTripRestoresSettingsVocabularyExtrasAndOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] original = outputs(seededNetwork(manager), manager);
            Checkpoint checkpoint = Checkpoint.read(file);
            assertEquals(CONFIG, checkpoint.config());
            assertEquals(TOKENIZER, checkpoint.tokenizerJson());
            assertEquals(EXTRAS.keySet(), checkpoint.extras().keySet());
            assertArrayEquals(
                    EXTRAS.get("training/note.txt"), checkpoint.extras().get("training/note.txt"));
            // Another seed: were the weights not loaded, initialisation alone would differ.
            Engine.getInstance().setRandomSeed(999);
            SentenceVaeNetwork loaded = checkpoint.network(manager);
            float[][] restored = outputs(loaded, manager);
            // Equal to float rounding: on AVX-512 machines MKL's sums can depend on how the arrays
            // happen to be aligned (seen: 1 ulp); a network with other weights is off by far more.
            for (int i = 0; i < original.length; i++) {
                assertArrayEquals(original[i], restored[i], 1e-6f, "output " + i);
            }
            for (Parameter parameter : loaded.getParameters().values()) {
                assertFalse(parameter.getArray().hasGradient(), "loaded for inference: frozen");
            }
        }
    }

    @Test
    void missingFileIsAModelError() {
        TextvaeException e =
                assertThrows(
                        TextvaeException.class, () -> Checkpoint.read(dir.resolve("none.ckpt")));
        assertEquals(TextvaeException.Kind.MODEL, e.kind());
        assertTrue(e.getMessage().contains("none.ckpt"), e.getMessage());
    }

    @Test
    void fileThatIsNotAZipIsAModelError() throws IOException {
        Path text = dir.resolve("notes.ckpt");
        Files.writeString(text, "just some text\n");
        assertModelError(text);
    }

    @Test
    void truncatedFilesAreModelErrors() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // ZipInputStream never reads the central directory, so cut inside the entries.
        int entriesEnd = centralDirectoryStart(bytes);
        for (int tenth = 0; tenth < 10; tenth++) {
            Path cut = dir.resolve("cut" + tenth + ".ckpt");
            Files.write(cut, Arrays.copyOf(bytes, entriesEnd * tenth / 10));
            assertModelError(cut);
        }
    }

    @Test
    void flippedByteInTheWeightsIsAModelError() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int weights = indexOf(bytes, "weights.params".getBytes(StandardCharsets.US_ASCII));
        int inside = weights + (centralDirectoryStart(bytes) - weights) / 2;
        bytes[inside] ^= 0x5A;
        Path damaged = dir.resolve("flipped.ckpt");
        Files.write(damaged, bytes);
        assertModelError(damaged);
    }

    @Test
    void anyFlippedByteIsAModelErrorOrHarmless() throws IOException {
        byte[] original = Files.readAllBytes(file);
        Checkpoint expected = Checkpoint.read(file);
        int entriesEnd = centralDirectoryStart(original);
        for (int position = 0; position < entriesEnd; position++) {
            // Every header byte (names, flags, sizes); compressed data only sparsely, for speed.
            if (!nearLocalHeader(original, position) && position % 50 != 0) {
                continue;
            }
            byte[] bytes = original.clone();
            bytes[position] ^= (byte) 0xFF;
            Checkpoint read;
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                read = Checkpoint.read(in, "flipped");
            } catch (TextvaeException e) {
                assertEquals(TextvaeException.Kind.MODEL, e.kind(), "byte " + position);
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("byte " + position + " flipped: raw " + e, e);
            }
            // Some header bytes (times, versions) are not covered by the CRC and do not matter.
            assertEquals(expected.config(), read.config(), "byte " + position);
            assertEquals(expected.tokenizerJson(), read.tokenizerJson(), "byte " + position);
            assertArrayEquals(expected.weights(), read.weights(), "byte " + position);
        }
    }

    @Test
    void settingsThatContradictTheWeightsAreRejectedWithTheShapes() throws IOException {
        Path edited = dir.resolve("edited.ckpt");
        rewriteModelJson(edited, json -> json.replace("\"hiddenSize\": 16", "\"hiddenSize\": 8"));
        Checkpoint checkpoint = Checkpoint.read(edited);
        assertEquals(8, checkpoint.config().hiddenSize());
        try (NDManager manager = NDManager.newBaseManager()) {
            TextvaeException e =
                    assertThrows(TextvaeException.class, () -> checkpoint.network(manager));
            assertEquals(TextvaeException.Kind.MODEL, e.kind());
            assertTrue(
                    e.getMessage().contains("shape") && e.getMessage().contains("imply"),
                    e.getMessage());
        }
    }

    @Test
    void settingsWrittenBeforeTiedEmbeddingsExistedReadAsUntied() throws IOException {
        Path edited = dir.resolve("old.ckpt");
        rewriteModelJson(edited, json -> json.replaceAll(",\\s*\"tiedEmbeddings\": false", ""));
        assertEquals(CONFIG, Checkpoint.read(edited).config());
    }

    @Test
    void claimingTiedEmbeddingsForUntiedWeightsIsAModelError() throws IOException {
        Path edited = dir.resolve("tied.ckpt");
        rewriteModelJson(
                edited,
                json -> json.replace("\"tiedEmbeddings\": false", "\"tiedEmbeddings\": true"));
        assertTrue(Checkpoint.read(edited).config().tiedEmbeddings());
        assertModelError(edited);
    }

    @Test
    void tiedNetworkRoundTrips() {
        ModelConfig tied = new ModelConfig(ModelKind.VAE, 12, 16, 16, 4, false, true);
        Path tiedFile = dir.resolve("tied-model.ckpt");
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            SentenceVaeNetwork network = new SentenceVaeNetwork(tied);
            network.initialize(manager);
            float[][] original = outputs(network, manager);
            Checkpoint.of(network, TOKENIZER, Map.of()).write(tiedFile);
            Checkpoint checkpoint = Checkpoint.read(tiedFile);
            assertEquals(tied, checkpoint.config());
            Engine.getInstance().setRandomSeed(999);
            float[][] restored = outputs(checkpoint.network(manager), manager);
            for (int i = 0; i < original.length; i++) {
                assertArrayEquals(original[i], restored[i], 1e-6f, "output " + i);
            }
        }
    }

    @Test
    void settingsOfAnotherModelKindAreRejected() throws IOException {
        Path edited = dir.resolve("lm.ckpt");
        rewriteModelJson(edited, json -> json.replace("\"VAE\"", "\"LM\""));
        Checkpoint checkpoint = Checkpoint.read(edited);
        try (NDManager manager = NDManager.newBaseManager()) {
            TextvaeException e =
                    assertThrows(TextvaeException.class, () -> checkpoint.network(manager));
            assertEquals(TextvaeException.Kind.MODEL, e.kind());
        }
    }

    @Test
    void aVocabularyOfAnotherSizeThanTheNetworkIsAModelError() {
        try (var vocabulary = Checkpoint.read(file).vocabulary("model.ckpt")) {
            assertEquals(CONFIG.vocabSize(), vocabulary.size());
        }
        String larger =
                new VocabularyBuilder(new VocabularyOptions(Segmentation.CHARACTER, 1, 100))
                        .add("abcdefghij")
                        .toJson();
        Checkpoint mismatched = new Checkpoint(CONFIG, larger, new byte[0], Map.of());
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> mismatched.vocabulary("model.ckpt"));
        assertEquals(TextvaeException.Kind.MODEL, e.kind());
        assertTrue(
                e.getMessage().contains("model.ckpt")
                        && e.getMessage().contains("14 tokens")
                        && e.getMessage().contains("network 12"),
                e.getMessage());
    }

    @Test
    void invalidSettingsAreAModelError() throws IOException {
        List<UnaryOperator<String>> edits =
                List.of(
                        json -> json.replace("\"hiddenSize\": 16", "\"hiddenSize\": 0"),
                        json -> json.replace("\"VAE\"", "\"GAN\""),
                        json -> "null",
                        json -> "[1, 2]",
                        json -> "{");
        for (int i = 0; i < edits.size(); i++) {
            Path edited = dir.resolve("invalid" + i + ".ckpt");
            rewriteModelJson(edited, edits.get(i));
            assertModelError(edited);
        }
    }

    private static void assertModelError(Path path) {
        try {
            Checkpoint checkpoint = Checkpoint.read(path);
            try (NDManager manager = NDManager.newBaseManager()) {
                checkpoint.network(manager);
            }
            fail(path.getFileName() + " was accepted");
        } catch (TextvaeException e) {
            assertEquals(TextvaeException.Kind.MODEL, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());
        }
    }

    /** The network saved in every test: seeded, so the round trip can rebuild its outputs. */
    private static SentenceVaeNetwork seededNetwork(NDManager manager) {
        Engine.getInstance().setRandomSeed(5);
        SentenceVaeNetwork network = new SentenceVaeNetwork(CONFIG);
        network.initialize(manager);
        return network;
    }

    /** Logits, μ and log σ² of the whole forward pass on a fixed batch. */
    private static float[][] outputs(SentenceVaeNetwork network, NDManager manager) {
        NDList inputs =
                new NDList(
                        manager.create(new long[] {4, 5, 6, 7, 8, 9}, new Shape(2, 3)),
                        manager.create(new long[] {2, 4, 5, 6, 2, 7, 8, 9}, new Shape(2, 4)),
                        manager.create(
                                new float[] {0.1f, -0.4f, 1.3f, 0.2f, -1f, 0.5f, 0f, 2f},
                                new Shape(2, 4)));
        NDList out = network.forward(new ParameterStore(manager, false), inputs, false);
        return new float[][] {
            out.get(0).toFloatArray(), out.get(1).toFloatArray(), out.get(2).toFloatArray()
        };
    }

    /** Copies the checkpoint with model.json rewritten, the rest unchanged. */
    private void rewriteModelJson(Path target, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        String json = new String(entries.get("model.json"), StandardCharsets.UTF_8);
        entries.put("model.json", edit.apply(json).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        Files.write(target, bytes.toByteArray());
    }

    /** Whether a local entry header ({@code PK\3\4}) starts at most 64 bytes before. */
    private static boolean nearLocalHeader(byte[] bytes, int position) {
        for (int start = Math.max(0, position - 64); start <= position; start++) {
            if (start + 4 <= bytes.length
                    && bytes[start] == 'P'
                    && bytes[start + 1] == 'K'
                    && bytes[start + 2] == 3
                    && bytes[start + 3] == 4) {
                return true;
            }
        }
        return false;
    }

    private static int centralDirectoryStart(byte[] bytes) {
        return indexOf(bytes, new byte[] {'P', 'K', 1, 2});
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
