package org.textvae.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.Seeds;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.eval.ModelEvaluator;
import org.textvae.eval.PosteriorPass;
import org.textvae.eval.RunPlots;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.train.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code textvae plot}: the charts of a run folder, as PNG files inside it. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Draw a run's training curves and latent space as PNG files in its folder.",
            "Draws, into the run folder: "
                    + RunPlots.TRAINING
                    + " (reconstruction and KL per sentence, and beta, against steps), "
                    + RunPlots.VALIDATION
                    + " (validation -ELBO and perplexity) and, with --corpus, "
                    + RunPlots.LATENT_PCA
                    + " (posterior means of up to 2,000 validation sentences, else test"
                    + " sentences, projected on two principal axes)."
        },
        footer = {"", "Example: textvae plot --model runs/tang --corpus corpora/tang.csv.gz"})
final class PlotCommand implements Callable<Integer> {

    @Option(
            names = {"--model", "--run"},
            required = true,
            paramLabel = "DIR",
            description = "Run folder (--run is the older name).")
    Path run;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description =
                    "The run's corpus (its validation, else test sentences), or a plain-text"
                            + " file of held-out sentences, for the latent PCA plot.")
    Path corpus;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.MEASURING,
            description = "Seed of the subsample.")
    long seed;

    @Override
    public Integer call() {
        try (RunLock lock = RunLock.forWriting(run, "plot", "")) {
            return draw();
        }
    }

    private int draw() {
        // The corpus and the checkpoint are read first: a wrong path should fail before any
        // picture is written, not after half of them.
        Corpus lines = corpus == null ? null : CorpusReader.read(corpus);
        Checkpoint checkpoint =
                corpus == null ? null : Checkpoint.read(ModelFiles.checkpointFile(run));
        RunPlots.MetricsPlots drawn = RunPlots.writeMetricsPlots(run);
        for (Path written : drawn.written()) {
            System.out.println("plot: " + written);
        }
        drawn.notes().forEach(System.out::println);
        if (lines == null) {
            return 0;
        }
        if (!checkpoint.config().kind().hasLatent()) {
            System.out.println("no latent PCA plot: a language model has no latent space");
            return 0;
        }
        // A plain-text file is all one split ("train"): then it is the held-out file itself,
        // such as ptb.valid.txt.
        String which =
                !lines.valid().isEmpty()
                        ? "validation"
                        : !lines.test().isEmpty() ? "test" : corpus.getFileName().toString();
        List<String> heldOut =
                !lines.valid().isEmpty()
                        ? lines.valid()
                        : !lines.test().isEmpty() ? lines.test() : lines.train();
        PosteriorPass.Result posteriors =
                ModelEvaluator.posteriors(checkpoint, heldOut, RunPlots.PCA_POINTS, seed);
        System.out.println(
                "plot: "
                        + RunPlots.writeLatentPca(
                                run.resolve(RunPlots.LATENT_PCA),
                                posteriors.means(),
                                posteriors.lengths(),
                                which + " sentences"));
        return 0;
    }
}
