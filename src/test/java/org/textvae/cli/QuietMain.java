package org.textvae.cli;

/**
 * The program for tests outside this package that check files and exit codes, not what a command
 * prints: its output is captured, so a passing test prints nothing, and shown on failure.
 */
public final class QuietMain {

    private QuietMain() {}

    /** Runs the command line; prints what it wrote only when it fails. */
    public static int run(String... args) {
        CommandLineTest.Outcome outcome = CommandLineTest.run(args);
        if (outcome.exitCode() != 0) {
            System.err.print(outcome.out());
            System.err.print(outcome.err());
        }
        return outcome.exitCode();
    }
}
