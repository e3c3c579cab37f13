package org.textvae;

/**
 * A failure the user can act on: bad input, a broken model folder, a numerical fault. The CLI
 * prints its message as one line and exits with {@link Kind#exitCode()}; no stack trace is shown.
 */
public class TextvaeException extends RuntimeException {

    /** What went wrong, each with the exit code the CLI documents in {@code --help}. */
    public enum Kind {
        /** An invalid option or argument value. */
        USAGE(2),
        /** A corpus, text or vocabulary the program cannot use. */
        INPUT(3),
        /** A model folder or checkpoint that is missing, corrupt or mismatched. */
        MODEL(4),
        /** A file that cannot be read or written (missing, unreadable, disk full). */
        IO(5),
        /** Training diverged (NaN or infinite loss). */
        NUMERIC(6);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public TextvaeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TextvaeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
