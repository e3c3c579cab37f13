package org.textvae.corpus;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.textvae.TextvaeException;

/**
 * Reads selected regular files out of a gzip-compressed tar archive (an npm package tarball)
 * without an external {@code tar}. Understands ustar headers (name plus prefix, octal size,
 * checksum) and pax extended headers, which npm writes for non-ASCII file names.
 */
final class TarGzReader {

    private static final int BLOCK = 512;

    private TarGzReader() {}

    /**
     * Returns the contents of every regular file whose archive path passes {@code wanted}, keyed by
     * that path (for example {@code package/dist/songci/ci.song.0.json}).
     */
    static Map<String, byte[]> read(Path tgz, Predicate<String> wanted) {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in =
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String paxPath = null;
            while (readBlock(in, header) && !isZero(header)) {
                checkChecksum(tgz, header);
                long size = octal(tgz, header, 124, 12);
                char type = (char) header[156];
                if (type == 'x') {
                    paxPath = paxPath(readEntry(in, size));
                    continue;
                }
                String name = paxPath != null ? paxPath : ustarName(header);
                paxPath = null;
                boolean regular = type == '0' || type == '\0';
                if (regular && wanted.test(name)) {
                    files.put(name, readEntry(in, size));
                } else {
                    in.skipNBytes(padded(size));
                }
            }
        } catch (EOFException e) {
            throw broken(tgz, "archive ends in the middle of an entry", e);
        } catch (IOException e) {
            if (!Files.isReadable(tgz)) {
                throw new TextvaeException(
                        TextvaeException.Kind.IO,
                        tgz + ": cannot read (" + e.getMessage() + ")",
                        e);
            }
            throw broken(tgz, e.getMessage(), e);
        }
        return files;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false; // some writers omit the two closing zero blocks
        }
        if (n < BLOCK) {
            throw new EOFException();
        }
        return true;
    }

    /** Reads an entry's data and the padding that rounds it up to whole blocks. */
    private static byte[] readEntry(InputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE - BLOCK) {
            throw new IOException("entry of " + size + " bytes is too large");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException();
        }
        in.skipNBytes(padded(size) - size);
        return data;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The ustar path: a 155-byte prefix and a 100-byte name, joined by '/' when both exist. */
    private static String ustarName(byte[] header) {
        String name = field(header, 0, 100);
        boolean ustar = field(header, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(Path tgz, byte[] header, int offset, int length) {
        String text = field(header, offset, length).trim();
        if ((header[offset] & 0x80) != 0 || !text.matches("[0-7]+")) {
            throw broken(tgz, "unsupported tar number field '" + text + "'", null);
        }
        return Long.parseLong(text, 8);
    }

    /** The header checksum catches data that is not a tar archive at all. */
    private static void checkChecksum(Path tgz, byte[] header) {
        long expected = octal(tgz, header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (sum != expected) {
            throw broken(tgz, "tar header checksum mismatch", null);
        }
    }

    /** Extracts the {@code path} record from pax data: lines of the form "LEN key=value\n". */
    static String paxPath(byte[] data) throws IOException {
        String path = null;
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space == data.length) {
                break;
            }
            int length = paxLength(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            if (length <= space - pos + 1 || pos + length > data.length) {
                throw new IOException("malformed pax header");
            }
            String record =
                    new String(data, space + 1, length - (space - pos) - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            pos += length;
        }
        return path;
    }

    private static int paxLength(String digits) throws IOException {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IOException("malformed pax header", e);
        }
    }

    private static TextvaeException broken(Path tgz, String why, Throwable cause) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT,
                tgz + ": not a readable .tgz package (" + why + "); download it again",
                cause);
    }
}
