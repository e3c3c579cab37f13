package org.textvae.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

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
        Charset charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        OutputStream raw = new Recording(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new BufferedOutputStream(raw, 128), true, charset));
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
