package org.textvae.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the JVM sets it up, but remembering why a write failed: PrintStream swallows
 * the exception, and a reader that closed the pipe ({@code textvae generate | head -1}) is ordinary
 * use, where a full disk is an error.
 */
final class StandardOutput {

    private static volatile boolean readerGone;

    private StandardOutput() {}

    /**
     * Replaces System.out with the same stream (buffer, flushing, charset) that records failures.
     */
    static void install() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset =
                carrying(encoding != null ? Charset.forName(encoding) : Charset.defaultCharset());
        OutputStream raw = new Recording(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new BufferedOutputStream(raw, 128), true, charset));
        String errors = System.getProperty("sun.stderr.encoding");
        Charset errorCharset = errors != null ? Charset.forName(errors) : Charset.defaultCharset();
        if (!carrying(errorCharset).equals(errorCharset)) {
            System.setErr(
                    new PrintStream(
                            new FileOutputStream(FileDescriptor.err),
                            true,
                            StandardCharsets.UTF_8));
        }
    }

    /**
     * The locale's charset, or UTF-8 when it cannot carry Chinese (LC_ALL=C gives ASCII): textvae
     * writes Han characters, and a charset without them would print every one as '?'.
     */
    static Charset carrying(Charset charset) {
        return charset.newEncoder().canEncode("漢字") ? charset : StandardCharsets.UTF_8;
    }

    /**
     * A one-line hint, or "", for arguments the JVM could not decode: under a locale whose charset
     * lacks Chinese (LC_ALL=C), the JVM reads every Han character of an argument as '?'.
     */
    static String argumentHint(String[] args) {
        String encoding = System.getProperty("sun.jnu.encoding");
        if (encoding == null || !Charset.isSupported(encoding)) {
            return "";
        }
        if (Charset.forName(encoding).newEncoder().canEncode("漢字")) {
            return "";
        }
        for (String arg : args) {
            if (arg.contains("?") || arg.contains("\uFFFD")) {
                return "textvae: the locale's character set ("
                        + encoding
                        + ") cannot carry Chinese in arguments, so they arrive as '?'; run with"
                        + " LC_ALL=C.UTF-8 (./textvae does)";
            }
        }
        return "";
    }

    /** Whether a write failed because the reading end of the pipe was closed. */
    static boolean readerClosed() {
        return readerGone;
    }

    private static final class Recording extends FilterOutputStream {
        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private static void remember(IOException e) {
            // EPIPE is reported by its text only.
            if (e.getMessage() != null && e.getMessage().contains("Broken pipe")) {
                readerGone = true;
            }
        }
    }
}
