package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.prior.MixtureFit;
import org.textvae.prior.PriorFitting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae prior}: fits the distribution generation draws latent codes from. */
@Command(
        mixinStandardHelpOptions = true,
        name = "prior",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Fit where generation draws latent codes from.",
            "A model that keeps most of each sentence in z has codes far from N(0, I): codes drawn"
                    + " from N(0, I) fall between the sentences and decode to garbage. This"
                    + " encodes training lines, draws one code from each posterior, and fits a"
                    + " Gaussian mixture to them (an ex-post density, Ghosh et al. 2020); the"
                    + " checkpoint keeps it as prior.json, and generate, poem, quality and eval"
                    + " then map their noise u ~ N(0, I) through it. The held-out lines' codes are"
                    + " scored under the fit and under N(0, I): the fit should cover them far"
                    + " better."
        },
        footer = {
            "",
            "Without --out the model's own checkpoint file gains the prior (written atomically;"
                    + " its weights are kept byte for byte); the model packed into the jar"
                    + " needs --out.",
            "",
            "Example: textvae prior --model runs/tang --corpus corpora/tang.csv.gz"
        })
final class PriorCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            paramLabel = "PATH",
            description =
                    "Run folder (its best checkpoint) or .ckpt file (default: the model packed"
                            + " into the jar, with --out).")
    Path model;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            defaultValue = "corpora/tang.csv.gz",
            description =
                    "The model's corpus: its train split is fitted to, its valid split scored.")
    Path corpus;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Checkpoint to write (default: the model's own file).")
    Path out;

    @Option(
            names = "--components",
            defaultValue = "32",
            description = "Gaussians in the mixture (1 to " + MAX_COMPONENTS + ").")
    int components;

    @Option(
            names = "--lines",
            defaultValue = "100000",
            description = "Training lines fitted to, drawn at random (at most " + MAX_LINES + ").")
    int lines;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for lines, noise, start.")
    long seed;

    @Mixin OutputFile output;

    /** Each component's covariance needs many more points than values. */
    static final int MAX_COMPONENTS = 1000;

    /** The codes are held in memory as doubles, one row per line. */
    static final int MAX_LINES = 2_000_000;

    @Override
    public Integer call() {
        Options.requirePositive("--components", components);
        Options.requireAtMost("--components", components, MAX_COMPONENTS, "");
        Options.requirePositive("--lines", lines);
        Options.requireAtMost("--lines", lines, MAX_LINES, "the codes are held in memory");
        if (model == null && out == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "the model packed into the jar cannot be rewritten; pass --out FILE");
        }
        Path file = model == null ? null : ModelFiles.checkpointFile(model);
        Path target = out == null ? file : out;
        if (out != null) {
            output.check(out, file, corpus);
        }
        Corpus sentences = CorpusReader.read(corpus);
        Checkpoint checkpoint = file == null ? ModelFiles.readDefault() : Checkpoint.read(file);
        String source = file == null ? "the default model" : file.toString();
        PriorFitting.Report report =
                PriorFitting.fit(
                        checkpoint,
                        source,
                        sentences.train(),
                        sentences.valid(),
                        settings(),
                        lines);
        try {
            report.checkpoint().writeTo(target);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(target, e);
        }
        System.out.printf(
                "fitted a mixture of %d Gaussians to %,d training lines' posterior codes"
                        + " (%d EM iterations); mean log density %.2f nats%n",
                report.mixture().components(),
                report.fitted(),
                report.iterations(),
                report.fittedLogDensity());
        if (report.heldOut() > 0) {
            System.out.printf(
                    "held-out codes (%,d valid lines): mean log density %.2f nats under the fit,"
                            + " %.2f under N(0, I)%n",
                    report.heldOut(),
                    report.heldOutLogDensity(),
                    report.heldOutStandardLogDensity());
        }
        System.out.printf("wrote %s%n", target);
        return 0;
    }

    /** The mixture asked for, fitted as {@link MixtureFit.Settings#defaults()} fits. */
    private MixtureFit.Settings settings() {
        MixtureFit.Settings defaults = MixtureFit.Settings.defaults();
        return new MixtureFit.Settings(
                components, defaults.maxIterations(), defaults.tolerance(), seed);
    }
}
