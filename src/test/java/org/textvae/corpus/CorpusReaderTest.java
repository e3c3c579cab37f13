package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

class CorpusReaderTest {

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static TextvaeException failure(Path path, TextvaeException.Kind kind) {
        TextvaeException e = assertThrows(TextvaeException.class, () -> CorpusReader.read(path));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        return e;
    }

    @Test
    void aNulByteInACsvIsRefusedAsInPlainTextQuotedOrNot() throws IOException {
        Path text = write("nul.txt", "first line\nhello\u0000world\n");
        assertTrue(
                failure(text, TextvaeException.Kind.INPUT).getMessage().contains(":2: NUL byte"));
        Path quoted = write("quoted.csv", "text,split\nfine,train\n\"hello\u0000world\",train\n");
        assertTrue(
                failure(quoted, TextvaeException.Kind.INPUT)
                        .getMessage()
                        .endsWith(":3: NUL byte, not a text file; give UTF-8 text"));
        Path bare = write("bare.csv", "text,split\nhello\u0000world,train\n");
        assertTrue(
                failure(bare, TextvaeException.Kind.INPUT).getMessage().contains(":2: NUL byte"));
    }

    @Test
    void aPipeOrADeviceIsNamedForWhatItIsNotCalledMissing() throws Exception {
        Path fifo = dir.resolve("stream.txt");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTrue(
                failure(fifo, TextvaeException.Kind.IO)
                        .getMessage()
                        .contains(
                                "stream.txt is a pipe, not a regular file; --corpus needs a"
                                        + " regular file, since a corpus is read more than once"));
        String device = failure(Path.of("/dev/zero"), TextvaeException.Kind.IO).getMessage();
        assertTrue(device.startsWith("/dev/zero is a character device, not a regular"), device);
    }

    @Test
    void aCsvOfOnlyItsHeaderGetsCsvAdvice(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("empty.csv"), "text,split\n");
        TextvaeException e = assertThrows(TextvaeException.class, () -> CorpusReader.read(csv));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("rows below the header"), e.getMessage());
    }

    @Test
    void aCsvUnderAnotherNameIsRefusedNotReadAsText(@TempDir Path dir) throws IOException {
        for (String header : List.of("text,split", "\"text\",\"split\"", "split\ttext")) {
            Path file = Files.writeString(dir.resolve("lines.txt"), header + "\n白日依山盡,train\n");
            TextvaeException e =
                    assertThrows(TextvaeException.class, () -> CorpusReader.read(file));
            assertEquals(TextvaeException.Kind.INPUT, e.kind());
            assertTrue(e.getMessage().contains("is a CSV header"), e.getMessage());
        }
        Path text =
                Files.writeString(dir.resolve("plain.txt"), "the text splits here\nsplit text\n");
        assertEquals(2, CorpusReader.read(text).train().size());
    }

    @Test
    void aFolderIsNamedAsAFolder(@TempDir Path dir) {
        TextvaeException e = assertThrows(TextvaeException.class, () -> CorpusReader.read(dir));
        assertEquals(TextvaeException.Kind.IO, e.kind());
        assertTrue(
                e.getMessage().contains("is a folder; --corpus takes a corpus file"),
                e.getMessage());
    }

    @Test
    void readsSplitColumnQuotingAndBackslashes() throws URISyntaxException {
        Path csv = Path.of(getClass().getResource("tiny.csv").toURI());
        Corpus corpus = CorpusReader.read(csv);
        assertEquals("tiny.csv", corpus.name());
        assertEquals(List.of("红豆生南国", "春来发几枝"), corpus.valid());
        assertEquals(List.of("愿君多采撷", "此物最相思"), corpus.test());
        assertEquals(15, corpus.train().size());
        assertTrue(corpus.train().contains("a \"quoted\" line, with a comma"));
        assertTrue(corpus.train().contains("back\\slash stays"));
        assertEquals(1, corpus.skipped(), "the blank row");
    }

    @Test
    void csvWithoutSplitColumnIsAllTrainAndGzipWorks() throws IOException {
        Path gz = dir.resolve("c.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("id,text\n1,one\n2,two\n3\n".getBytes(StandardCharsets.UTF_8));
        }
        Corpus corpus = CorpusReader.read(gz);
        assertEquals(List.of("one", "two"), corpus.train());
        assertEquals(1, corpus.skipped(), "the row without a text field");
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsSkipped() throws IOException {
        // As written by Excel's "CSV UTF-8" and R's write.csv with fileEncoding "UTF-8-BOM".
        Path csv =
                write(
                        "q.csv",
                        "\uFEFF\"text\",\"split\"\r\n\"春眠不覺曉\",\"train\"\r\n\"夜來\",\"valid\"\r\n");
        Corpus corpus = CorpusReader.read(csv);
        assertEquals(List.of("春眠不覺曉"), corpus.train());
        assertEquals(List.of("夜來"), corpus.valid());
    }

    @Test
    void missingTextColumnIsAnInputError() throws IOException {
        Path csv = write("a.csv", "sentence,split\nhello,train\n");
        assertTrue(failure(csv, TextvaeException.Kind.INPUT).getMessage().contains("'text'"));
    }

    @Test
    void brokenQuotingNamesTheLine() throws IOException {
        Path csv = write("b.csv", "text,split\nfine,train\n\"never closed,train\nmore,train\n");
        TextvaeException e = failure(csv, TextvaeException.Kind.INPUT);
        assertTrue(e.getMessage().contains(csv + ":3:"), e.getMessage());
    }

    @Test
    void unknownSplitIsAnInputError() throws IOException {
        Path csv = write("s.csv", "text,split\nfine,train\nodd,dev\n");
        assertTrue(failure(csv, TextvaeException.Kind.INPUT).getMessage().contains(":3:"));
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsAnInputErrorNotACutSentence() throws IOException {
        // An unquoted comma in a one-column file used to keep "hello" and drop the rest.
        Path csv = write("c.csv", "text\nfine\nhello, world and more\n");
        TextvaeException e = failure(csv, TextvaeException.Kind.INPUT);
        assertTrue(e.getMessage().contains(csv + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("quote"), e.getMessage());
    }

    @Test
    void plainTextIsTrimmedAndBlankLinesCounted() throws IOException {
        Path txt = write("p.txt", "\uFEFFthe cat sat\n\n  a dog ran \r\n\u3000\nlast line");
        Corpus corpus = CorpusReader.read(txt);
        assertEquals(List.of("the cat sat", "a dog ran", "last line"), corpus.train());
        assertTrue(corpus.valid().isEmpty() && corpus.test().isEmpty());
        assertEquals(2, corpus.skipped());
    }

    /** {@code good} lines "ok", then the given bytes as the last line. */
    private static byte[] okLinesThen(int good, byte[] last) {
        byte[] head = "ok\n".repeat(good).getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + last.length);
        System.arraycopy(last, 0, all, head.length, last.length);
        return all;
    }

    @Test
    void aRareInvalidUtf8LineIsSkippedAndCounted() throws IOException {
        byte[] bad = {(byte) 0xC3, '(', '\n', (byte) 0xE5, (byte) 0xBA, (byte) 0x8A};
        Path txt = Files.write(dir.resolve("u.txt"), okLinesThen(99, bad));
        Corpus corpus = CorpusReader.read(txt);
        assertEquals(100, corpus.train().size());
        assertEquals("床", corpus.train().get(99));
        assertEquals(1, corpus.skipped());
    }

    @Test
    void aRareInvalidUtf8CsvRowIsSkippedAndCounted() throws IOException {
        String rows = "text\n" + "ok\n".repeat(99) + "x\u00ff\n";
        Path csv = Files.write(dir.resolve("u.csv"), rows.getBytes(StandardCharsets.ISO_8859_1));
        Corpus corpus = CorpusReader.read(csv);
        assertEquals(99, corpus.train().size());
        assertEquals(1, corpus.skipped());
    }

    @Test
    void aFileInAnotherEncodingIsRefusedNamingItsFirstBadLine() throws IOException {
        byte[] latin1 = "caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);
        Path txt = Files.write(dir.resolve("latin1.txt"), okLinesThen(3, latin1));
        TextvaeException e = assertThrows(TextvaeException.class, () -> CorpusReader.read(txt));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("1 of 4 lines are not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        byte[] rows = "text\nok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = Files.write(dir.resolve("latin1.csv"), rows);
        e = assertThrows(TextvaeException.class, () -> CorpusReader.read(csv));
        assertTrue(e.getMessage().contains("1 of 2 lines are not valid UTF-8"), e.getMessage());
    }

    @Test
    void emptyOrBinaryFileIsAnInputError() throws IOException {
        failure(write("e.txt", "\n  \n"), TextvaeException.Kind.INPUT);
        failure(write("h.csv", "text,split\n"), TextvaeException.Kind.INPUT);
        failure(
                Files.write(dir.resolve("bin.txt"), new byte[] {1, 0, 2}),
                TextvaeException.Kind.INPUT);
    }

    @Test
    void missingFileIsAnIoError() {
        failure(dir.resolve("nope.txt"), TextvaeException.Kind.IO);
    }
}
