package org.textvae.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.textvae.TextvaeException;

/** File hashes, to record what a corpus was built from and to check downloads. */
final class FileDigest {

    private FileDigest() {}

    /** Returns the digest of a file's bytes with a JDK algorithm such as SHA-256. */
    static byte[] of(Path file, String algorithm) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JDK", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return digest.digest();
    }

    static String sha256Hex(Path file) {
        return HexFormat.of().formatHex(of(file, "SHA-256"));
    }
}
