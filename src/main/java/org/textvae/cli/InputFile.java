package org.textvae.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.textvae.TextvaeException;
import org.textvae.io.FileKind;
import org.textvae.io.IoErrors;

/**
 * The lines of a file given to {@code --input}, or of standard input for {@code -}, read whole and
 * as strict UTF-8: a byte sequence that is not UTF-8 would otherwise become U+FFFD and be read as
 * {@code <unk>} without a word. Lines end at LF or CRLF.
 *
 * @param name the file as the user gave it, or "standard input", for messages
 * @param lines every line in order (line n at index n − 1), without line ends
 */
record InputFile(String name, List<String> lines) {

    /** The argument that names standard input. */
    static final String STANDARD_INPUT = "-";

    InputFile {
        Objects.requireNonNull(name, "name");
        lines = List.copyOf(lines);
    }

    /**
     * Reads {@code argument}, a path or {@code -}.
     *
     * @throws TextvaeException IO when the file cannot be read, INPUT when it is not UTF-8
     */
    static InputFile read(String argument) {
        if (STANDARD_INPUT.equals(argument)) {
            // Not closed: the stream is the process's, and a test's replacement is the test's.
            return read("standard input", System.in);
        }
        Path path = Path.of(argument);
        // A pipe is read once, whole, like standard input: <(cat lines.txt) works.
        String special = FileKind.isPipe(path) ? null : FileKind.ofSpecial(path);
        if (special != null && !special.equals("a folder")) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    argument
                            + " is "
                            + special
                            + ", not a regular file; --input takes a file of lines, a pipe or -");
        }
        if (!(Files.isRegularFile(path) || FileKind.isPipe(path)) || !Files.isReadable(path)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    argument
                            + (Files.isDirectory(path)
                                    ? " is a folder; --input takes a file of lines"
                                    : ": no such readable file; check the --input path"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(argument, in);
        } catch (IOException e) {
            throw cannotRead(argument, e);
        }
    }

    private static InputFile read(String name, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
        // Line by line, not through a Reader: a Reader decodes ahead, so its error could not say
        // which line is not UTF-8.
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int length = end - start - (end > start && bytes[end - 1] == '\r' ? 1 : 0);
            try {
                String line = decoder.decode(ByteBuffer.wrap(bytes, start, length)).toString();
                // An editor's byte order mark would otherwise start the first sentence.
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            } catch (CharacterCodingException e) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        name + " line " + (lines.size() + 1) + ": not UTF-8 text",
                        e);
            }
            start = end + 1;
        }
        return new InputFile(name, lines);
    }

    private static TextvaeException cannotRead(String name, IOException e) {
        return new TextvaeException(
                TextvaeException.Kind.IO, name + ": cannot read (" + IoErrors.reason(e) + ")", e);
    }
}
