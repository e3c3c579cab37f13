package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.corpus.CorpusReader;
import org.textvae.vocab.Vocabulary;

/**
 * Random and hostile bytes given to every reader of user files (corpora as text, CSV and gzip CSV;
 * tokenizer.json; a run's config.json) end either in success or in a {@link TextvaeException} with
 * a one-line message: never another exception, which the CLI would report as an unexpected error.
 * Seeded, so a failure names a case that can be replayed.
 */
class ReaderFuzzTest {

    private static final long SEED = 20260512;
    private static final int CASES_PER_READER = 80;

    /** Bytes that break parsers: quotes, separators, line ends, NUL, a lone UTF-8 lead, a BOM. */
    private static final byte[][] HOSTILE = {
        {'"'},
        {','},
        {'\n'},
        {'\r'},
        {'\t'},
        {0},
        {(byte) 0xFF},
        {(byte) 0xC3},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {'{'},
        {'}'},
        {'['},
        {']'},
        {':'},
        {'\\'},
        "NaN".getBytes(StandardCharsets.UTF_8),
        "-1e999".getBytes(StandardCharsets.UTF_8),
        "null".getBytes(StandardCharsets.UTF_8)
    };

    @TempDir Path dir;

    @Test
    @Timeout(20)
    void corporaVocabulariesAndConfigsEndInSuccessOrOneLineErrors() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        byte[] csv = Files.readAllBytes(tiny.corpus());
        byte[] tokenizer = Files.readAllBytes(tiny.vocabulary());
        TrainingJob job = tiny.job(dir.resolve("run"), 1, 5);
        byte[] config = JobJson.GSON.toJson(job).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        for (int i = 0; i < CASES_PER_READER; i++) {
            Path text = write("c" + i + ".txt", hostile(csv, random));
            check("corpus " + text, () -> CorpusReader.read(text));
            Path table = write("c" + i + ".csv", hostile(csv, random));
            check("corpus " + table, () -> CorpusReader.read(table));
            Path packed = write("c" + i + ".csv.gz", gzip(hostile(csv, random), random));
            check("corpus " + packed, () -> CorpusReader.read(packed));
            Path vocabulary = write("t" + i + ".json", hostile(tokenizer, random));
            check(
                    "tokenizer " + vocabulary,
                    () -> {
                        try (Vocabulary loaded = Vocabulary.load(vocabulary)) {
                            loaded.size();
                        }
                    });
            Path recorded = write("config" + i + ".json", hostile(config, random));
            check("config " + recorded, () -> RecordedConfig.requireConsistent(recorded, job));
        }
    }

    /** One of: random bytes, the valid file mutated, cut short, or given a deep nesting. */
    private static byte[] hostile(byte[] valid, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> randomBytes(random, random.nextInt(300));
            case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            case 2 -> nested(random.nextInt(3000));
            default -> mutated(valid, random);
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mutated(byte[] valid, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int edits = 1 + random.nextInt(8);
        int from = 0;
        for (int e = 0; e < edits && from < valid.length; e++) {
            int at = from + random.nextInt(Math.max(1, (valid.length - from) / (edits - e)));
            out.write(valid, from, at - from);
            byte[] insert = HOSTILE[random.nextInt(HOSTILE.length)];
            out.write(insert, 0, insert.length);
            from = Math.min(valid.length, at + random.nextInt(3)); // replace up to two bytes
        }
        out.write(valid, from, valid.length - from);
        return out.toByteArray();
    }

    /** Real gzip of the bytes, or, one time in four, bytes that only claim to be gzip. */
    private static byte[] gzip(byte[] bytes, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        byte[] packed = out.toByteArray();
        return random.nextInt(4) == 0
                ? Arrays.copyOf(packed, random.nextInt(packed.length + 1))
                : packed;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private interface Reader {
        void read() throws Exception;
    }

    private static void check(String what, Reader reader) {
        try {
            reader.read();
        } catch (TextvaeException e) {
            String message = String.valueOf(e.getMessage());
            assertFalse(message.isBlank(), what + ": an empty message");
            assertFalse(message.contains("\n") || message.contains("\r"), what + ": " + message);
        } catch (Exception | StackOverflowError e) {
            String thrown = e.toString();
            throw new AssertionError(
                    what
                            + " ended in "
                            + (thrown.length() <= 200 ? thrown : thrown.substring(0, 200) + "..."),
                    e);
        }
    }
}
