package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.textvae.Seeds;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.poetry.LineSuccession;
import org.textvae.poetry.Poem;
import org.textvae.prior.GaussianMixture;
import org.textvae.prior.MixtureFit;
import org.textvae.prior.PriorFitting;
import org.textvae.train.RunLock;
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
                    + " from N(0, I) fall between the sentences and decode to garbage. Two"
                    + " kinds of prior, both built from the posteriors of training lines:",
            "  mixture     a Gaussian mixture fitted to one posterior draw per line (an ex-post"
                    + " density, Ghosh et al. 2020);",
            "  posteriors  the posteriors of a sample of lines kept as they are, widened by"
                    + " --widen: draws lie where the decoder was trained, and decode to lines"
                    + " as fluent as real ones, related to the lines kept.",
            "The checkpoint keeps the prior as prior.json, and generate, poem, quality and eval then"
                    + " map their noise u ~ N(0, I) through it. The held-out lines' codes are"
                    + " scored under the prior and under N(0, I)."
        },
        footer = {
            "",
            "Without --out the model's own checkpoint file gains the prior (written atomically;"
                    + " its weights are kept byte for byte); the model packed into the jar"
                    + " needs --out.",
            "",
            "Examples:",
            "  textvae prior --model runs/tang --corpus corpora/tang.csv.gz",
            "  textvae prior --model runs/tang --kind posteriors --lines 8192 --widen 1.5"
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
            description =
                    "The model's corpus: its train split is fitted to, its valid split scored"
                            + " (default: "
                            + RecordedCorpus.DEFAULT_TEXT
                            + ").")
    Path corpus;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Checkpoint to write (default: the model's own file).")
    Path out;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            defaultValue = "mixture",
            description = "mixture or posteriors (see above).")
    String kind;

    @Option(
            names = "--components",
            paramLabel = "N",
            description = "Gaussians in the mixture (1 to " + MAX_COMPONENTS + "; default 32).")
    Integer components;

    @Option(
            names = "--lines",
            paramLabel = "N",
            description =
                    "Training lines, drawn at random: fitted to by a mixture (default 100000, at"
                            + " most "
                            + MAX_LINES
                            + "), or kept by posteriors (default 8192, at most "
                            + MAX_KEPT
                            + ").")
    Integer lines;

    @Option(
            names = "--widen",
            paramLabel = "H",
            defaultValue = "1",
            description =
                    "posteriors: scale each kept posterior's sigma by H (1 to 10): 1 keeps them"
                            + " as the model made them; more moves draws further from the lines"
                            + " kept.")
    double widen;

    @Option(
            names = "--poems",
            paramLabel = "FILE",
            description =
                    "posteriors: also fit the line succession to the training poems of this poem"
                            + " corpus (for example corpora/tang-poems.csv.gz), so that a poem's"
                            + " lines follow one another (poem, verse).")
    Path poems;

    @Option(
            names = "--poem-count",
            paramLabel = "N",
            defaultValue = "20000",
            description = "With --poems: training poems to fit to (a seeded sample).")
    int poemCount;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.FITTING,
            description = "Seed for lines, noise, start.")
    long seed;

    @Mixin OutputFile output;

    /** Each component's covariance needs many more points than values. */
    static final int MAX_COMPONENTS = 1000;

    /** The codes are held in memory as doubles, one row per line. */
    static final int MAX_LINES = 2_000_000;

    /** The line succession's ridge, per line pair: enough to keep the solve well posed. */
    private static final double RIDGE = 1e-3;

    /** Each kept posterior travels in the checkpoint as 2 x latent numbers of JSON. */
    static final int MAX_KEPT = 65_536;

    private static final double MAX_WIDENING = 10;

    @Override
    public Integer call() {
        boolean posteriors = kind.equals("posteriors");
        if (!posteriors && !kind.equals("mixture")) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--kind must be mixture or posteriors, got '" + kind + "'");
        }
        int lineCount;
        if (posteriors) {
            if (components != null) {
                throw new TextvaeException(
                        TextvaeException.Kind.USAGE,
                        "--components is for --kind mixture; posteriors keep --lines posteriors");
            }
            lineCount = lines == null ? 8192 : lines;
            Options.requirePositive("--lines", lineCount);
            Options.requireAtMost(
                    "--lines", lineCount, MAX_KEPT, "each kept posterior travels in the model");
            if (!(widen >= 1 && widen <= MAX_WIDENING)) {
                throw new TextvaeException(
                        TextvaeException.Kind.USAGE,
                        "--widen must be from 1 to " + (int) MAX_WIDENING + ", got " + widen);
            }
        } else {
            if (widen != 1) {
                throw new TextvaeException(
                        TextvaeException.Kind.USAGE, "--widen is for --kind posteriors");
            }
            int componentCount = components == null ? 32 : components;
            Options.requirePositive("--components", componentCount);
            Options.requireAtMost("--components", componentCount, MAX_COMPONENTS, "");
            components = componentCount;
            lineCount = lines == null ? 100_000 : lines;
            Options.requirePositive("--lines", lineCount);
            Options.requireAtMost("--lines", lineCount, MAX_LINES, "the codes are held in memory");
        }
        if (poems != null && !posteriors) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "--poems is for --kind posteriors");
        }
        Options.requirePositive("--poem-count", poemCount);
        if (model == null && out == null) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "the model packed into the jar cannot be rewritten; pass --out FILE");
        }
        Path file = model == null ? null : ModelFiles.checkpointFile(model);
        Path target = out == null ? file : out;
        Path corpus = RecordedCorpus.of(this.corpus, model);
        if (out != null) {
            output.check(out, file, corpus);
        }
        // Rewriting a run's own checkpoint must wait for a training process that writes there.
        Path run = out == null && file != null ? RunFolders.of(file) : null;
        try (RunLock lock =
                run == null
                        ? null
                        : RunLock.forWriting(run, "prior", ", or write elsewhere with --out")) {
            return fitAndWrite(file, target, corpus, posteriors, lineCount);
        }
    }

    private int fitAndWrite(
            Path file, Path target, Path corpus, boolean posteriors, int lineCount) {
        Corpus sentences = CorpusReader.read(corpus);
        Checkpoint checkpoint = file == null ? ModelFiles.readDefault() : Checkpoint.read(file);
        String source = file == null ? "the default model" : file.toString();
        PriorFitting.Report report =
                posteriors
                        ? PriorFitting.keepPosteriors(
                                checkpoint,
                                source,
                                sentences.train(),
                                sentences.valid(),
                                lineCount,
                                widen,
                                seed)
                        : PriorFitting.fit(
                                checkpoint,
                                source,
                                sentences.train(),
                                sentences.valid(),
                                settings(),
                                lineCount);
        try {
            report.checkpoint().writeTo(target);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(target, e);
        }
        if (report.prior() instanceof GaussianMixture mixture) {
            System.out.printf(
                    "fitted a mixture of %d Gaussians to %,d training lines' posterior codes"
                            + " (%d EM iterations); mean log density %.2f nats%n",
                    mixture.components(),
                    report.fitted(),
                    report.iterations(),
                    report.fittedLogDensity());
        } else {
            System.out.printf(
                    "kept the posteriors of %,d training lines, widened %s times%n",
                    report.fitted(), widen);
        }
        if (report.heldOut() > 0) {
            System.out.printf(
                    "held-out codes (%,d valid lines): mean log density %.2f nats under the fit,"
                            + " %.2f under N(0, I)%n",
                    report.heldOut(),
                    report.heldOutLogDensity(),
                    report.heldOutStandardLogDensity());
        }
        if (poems != null) {
            fitSuccession(target);
        }
        System.out.printf("wrote %s%n", target);
        return 0;
    }

    /** Adds the line succession, fitted to the training poems of {@link #poems}, to the target. */
    private void fitSuccession(Path target) {
        List<Poem> training = new ArrayList<>();
        for (PoemCorpusFile.Entry entry : PoemCorpusFile.read(poems)) {
            if (entry.split() == Split.TRAIN) {
                training.add(entry.poem());
            }
        }
        List<Poem> chosen = new ArrayList<>(training);
        Collections.shuffle(chosen, new Random(seed));
        chosen = chosen.subList(0, Math.min(poemCount, chosen.size()));
        LineSuccession succession;
        try (SentenceVae vae = SentenceVae.load(target)) {
            succession = LineSuccession.fitTo(vae, chosen, RIDGE);
        }
        Checkpoint written = Checkpoint.read(target);
        Map<String, byte[]> extras = new LinkedHashMap<>(written.extras());
        extras.put(LineSuccession.ENTRY, succession.toJson());
        try {
            new Checkpoint(written.config(), written.tokenizerJson(), written.weights(), extras)
                    .writeTo(target);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(target, e);
        }
        System.out.printf(
                "fitted the line succession to %,d consecutive line pairs of %,d training poems;"
                        + " residual %.3f per dimension%n",
                succession.pairs(), chosen.size(), succession.residual());
    }

    /** The mixture asked for, fitted as {@link MixtureFit.Settings#defaults()} fits. */
    private MixtureFit.Settings settings() {
        MixtureFit.Settings defaults = MixtureFit.Settings.defaults();
        return new MixtureFit.Settings(
                components, defaults.maxIterations(), defaults.tolerance(), seed);
    }
}
