package org.textvae.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small .tgz files by hand, byte by byte, so tests need no tar program. */
final class TarBuilder {

    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** Adds a regular file, putting its folder into the ustar prefix field when asked. */
    TarBuilder file(String path, byte[] content, boolean usePrefix) {
        int slash = path.lastIndexOf('/');
        String prefix = usePrefix ? path.substring(0, slash) : "";
        String name = usePrefix ? path.substring(slash + 1) : path;
        header(name, prefix, content.length, '0');
        data(content);
        return this;
    }

    /** Adds a file whose real name travels in a pax header, as npm does for non-ASCII names. */
    TarBuilder paxFile(String path, byte[] content) {
        String record = "path=" + path + "\n";
        int length = record.getBytes(StandardCharsets.UTF_8).length + 3;
        length += String.valueOf(length).length() - 2; // the length field counts its own digits
        byte[] pax = (length + " " + record).getBytes(StandardCharsets.UTF_8);
        header("PaxHeader/x", "", pax.length, 'x');
        data(pax);
        header("ascii-stand-in", "", content.length, '0');
        data(content);
        return this;
    }

    void writeTo(Path tgz) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            out.write(tar.toByteArray());
            out.write(new byte[1024]);
        }
    }

    private void header(String name, String prefix, int size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        put(h, 148, "        ");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        put(h, 345, prefix);
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        tar.writeBytes(h);
    }

    private void data(byte[] content) {
        tar.writeBytes(content);
        tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
