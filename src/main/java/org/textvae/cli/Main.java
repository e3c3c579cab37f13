package org.textvae.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.textvae.TextvaeException;
import org.textvae.model.EngineDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code textvae} command: parses, sets engine properties, delegates, maps errors to exits. */
@Command(
        name = "textvae",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A sentence variational autoencoder (Bowman et al. 2016): a bidirectional GRU encoder,"
                    + " a latent code z ~ N(0, I) and a GRU decoder, for lines of classical Chinese"
                    + " poetry and any corpus of short sentences.",
            "Without --model, the generation commands use the model packed into the jar."
        },
        subcommands = {
            CorpusCommand.class,
            VocabCommand.class,
            TrainCommand.class,
            GenerateCommand.class,
            PoemCommand.class,
            InterpolateCommand.class,
            ReconstructCommand.class,
            QualityCommand.class,
            VerseCommand.class,
            EvalCommand.class,
            CompareCommand.class,
            PlotCommand.class,
            PriorCommand.class,
            FitEncoderCommand.class,
            CiCommand.class,
            ExportCommand.class,
            AverageCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            Main.EXIT_CODES,
            "",
            "Example: textvae train --corpus corpora/tang.csv.gz \\",
            "           --vocab vocab/tang.tokenizer.json --out runs/tang"
        })
public final class Main {

    @Option(
            names = "--threads",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            description =
                    "Intra-op threads for PyTorch (default: all cores; for generate, one per"
                            + " batch, with one batch decoding per core; at most 4 per core).")
    void setThreads(int threads) {
        if (threads <= 0) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--threads must be positive, got " + threads);
        }
        if (threads > maxThreads()) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--threads must be at most "
                            + maxThreads()
                            + " (4 per core on this machine), got "
                            + threads);
        }
        EngineDefaults.chooseThreads(threads);
    }

    /**
     * PyTorch starts every intra-op thread it is given: 100,000 of them exhausted the machine. More
     * than one per core only slows the work down; 4 per core still leaves room to measure that.
     */
    static int maxThreads() {
        return 4 * EngineDefaults.cores();
    }

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean verbose;

    public static void main(String[] args) {
        StandardOutput.install();
        String hint = StandardOutput.argumentHint(args);
        if (!hint.isEmpty()) {
            System.err.println(hint);
        }
        System.exit(run(args));
    }

    /** Every command's help ends with these. */
    static final String EXIT_CODES =
            "Exit codes: 0 success, 1 unexpected error, 2 bad option or argument, 3 unusable input"
                    + " (corpus, text, vocabulary), 4 missing or damaged model, 5 file not readable"
                    + " or writable, 6 training diverged.";

    /** Appends the exit codes to the help of every command below the top. */
    private static void explainExitCodes(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            var usage = sub.getCommandSpec().usageMessage();
            if (!java.util.Arrays.asList(usage.footer()).contains(EXIT_CODES)) {
                List<String> footer = new java.util.ArrayList<>(List.of(usage.footer()));
                footer.add("");
                footer.add(EXIT_CODES);
                usage.footer(footer.toArray(String[]::new));
            }
            explainExitCodes(sub);
        }
    }

    /** "; did you mean ...?" for a mistyped command or option that resembles a real one. */
    private static String didYouMean(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return "";
        }
        List<String> suggestions = unmatched.getSuggestions();
        if (suggestions.isEmpty()) {
            return "";
        }
        // picocli ranks them by likeness; beyond the first they are mostly noise (poen: bench).
        return "; did you mean " + suggestions.get(0) + "?";
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        EngineDefaults.apply();
        Main root = new Main();
        CommandLine commandLine = new CommandLine(root);
        shareVersion(commandLine);
        explainExitCodes(commandLine);
        commandLine.setExecutionExceptionHandler(
                (e, cl, parseResult) -> report(e, root.verbose, cl.getErr()));
        // One line, not the whole usage: the user typed something wrong and should see what.
        commandLine.setParameterExceptionHandler(
                (e, arguments) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    e.getCommandLine()
                            .getErr()
                            .println(
                                    "textvae: "
                                            + e.getMessage()
                                            + didYouMean(e)
                                            + " (see '"
                                            + command
                                            + " --help')");
                    return TextvaeException.Kind.USAGE.exitCode();
                });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handler; without this it ended in a stack trace.
            if (root.verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine
                    .getErr()
                    .println(
                            "textvae: "
                                    + outOfMemory(
                                            "the Java heap is full (the launcher gives it 1 GB;"
                                                    + " TEXTVAE_JAVA_OPTS=-Xmx4g gives more)"));
            return 1;
        }
        // PrintStream swallows write errors: stdout on a full disk would end in exit 0 with the
        // output cut short.
        if (code == 0 && System.out.checkError()) {
            if (StandardOutput.readerClosed()) {
                // The reader has all it wanted (generate | head), as git and rg treat it.
                return 0;
            }
            commandLine
                    .getErr()
                    .println(
                            "textvae: cannot write to standard output (a full disk?); the output is"
                                    + " incomplete");
            return TextvaeException.Kind.IO.exitCode();
        }
        return code;
    }

    private static int report(Exception e, boolean verbose, PrintWriter err) {
        if (verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof TextvaeException t) {
            err.println("textvae: " + oneLine(t.getMessage()));
            return t.kind().exitCode();
        }
        if (e instanceof IllegalArgumentException) {
            err.println("textvae: " + oneLine(e.getMessage()));
            return TextvaeException.Kind.USAGE.exitCode();
        }
        Matcher allocation = nativeAllocation(e);
        if (allocation != null) {
            double gigabytes = Double.parseDouble(allocation.group(1)) / (1L << 30);
            err.println(
                    "textvae: "
                            + outOfMemory(
                                    "the engine could not allocate %.1f GB".formatted(gigabytes)));
            return 1;
        }
        err.println(
                "textvae: unexpected error: "
                        + e
                        + (verbose ? "" : " (run with --verbose for details)"));
        return 1;
    }

    /** PyTorch's message when a tensor cannot be allocated, with its size in bytes. */
    private static final Pattern NATIVE_ALLOCATION =
            Pattern.compile("can't allocate memory: you tried to allocate (\\d+) bytes");

    /** The allocation failure in {@code e} or its causes, or null. */
    private static Matcher nativeAllocation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher matcher = NATIVE_ALLOCATION.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return matcher;
            }
        }
        return null;
    }

    private static String outOfMemory(String what) {
        return "not enough memory: " + what + "; use smaller model sizes, batches or counts";
    }

    /** Every subcommand's {@code -V} reports the same version as the root's. */
    private static void shareVersion(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
            shareVersion(sub);
        }
    }

    /** Messages may quote user input; whatever it holds, the message stays on one line. */
    static String oneLine(String message) {
        return String.valueOf(message).replaceAll("[\\r\\n]+", " ");
    }

    /** Reports the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"textvae " + (version == null ? "(development build)" : version)};
        }
    }
}
