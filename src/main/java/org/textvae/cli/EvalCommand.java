package org.textvae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.Split;
import org.textvae.eval.EvaluationOptions;
import org.textvae.eval.EvaluationReport;
import org.textvae.eval.ModelEvaluator;
import org.textvae.eval.RunPlots;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.train.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae eval}: the likelihood and latent-space figures of a model on one split. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Score a model on one split: likelihood, latent-space use and sample quality.",
            "Reconstruction NLL and KL (nats per sentence) and their sum, the -ELBO; the"
                    + " importance-weighted NLL with k draws from q(z|x) (Burda et al. 2016) and its"
                    + " perplexity (per token, <eos> counted); mutual information I(x; z) under q"
                    + " (He et al. 2019) and active units; teacher-forced token accuracy from z ="
                    + " mean; and the total correlation of q(z) (Chen et al. 2018; for FactorVAE also"
                    + " its discriminator's estimate); for prior samples distinct-1/2, self-BLEU-4,"
                    + " novelty, (poem corpora) valid form and, with --lm, their NLL under a"
                    + " separately trained language model.",
            "Prints a table and writes one CSV row; given a run folder, also its latent PCA plot"
                    + " (plot-latent-pca.png there, replaced on each run, as the default CSV is)."
        },
        footer = {
            "",
            "Example: textvae eval --model runs/tang --corpus corpora/tang.csv.gz \\",
            "           --split test --limit 2000"
        })
final class EvalCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Mixin HeldOutOptions heldOut;

    @Option(
            names = "--iw-samples",
            paramLabel = "K",
            defaultValue = "500",
            description = "k, draws from q(z|x) per sentence for the IW NLL (at most 100,000).")
    int iwSamples;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Prior samples decoded (at most 1,000,000).")
    int samples;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Score at most N sentences (seeded subsample; 0: all).")
    int limit;

    @Option(
            names = "--out",
            paramLabel = "FILE.csv",
            description =
                    "CSV to write; an existing file only with --force (default: eval-<split>.csv"
                            + " in the run folder, or beside the model file, replaced on each"
                            + " run).")
    Path out;

    @Mixin OutputFile output;

    @Override
    public Integer call() {
        Split chosen = heldOut.chosenSplit();
        EvaluationOptions options = heldOut.evaluation(iwSamples, samples, limit);
        Path model = modelOption.model;
        Path file = model == null ? null : ModelFiles.checkpointFile(model);
        Path run = model != null && Files.isDirectory(model) ? runFolder(model, file) : null;
        Path csv = out != null ? out : defaultCsv(model, run, chosen);
        Path corpus = heldOut.corpusFor(model);
        Path[] inputs = {corpus, heldOut.languageModelFile(), file};
        if (out != null) {
            output.check(out, inputs);
        } else {
            OutputFile.checkDefault(csv, inputs);
        }
        if (run != null) {
            // The plot is a run file like the default CSV: replaced, but checked before the work.
            OutputFile.checkDefault(run.resolve(RunPlots.LATENT_PCA), inputs);
        }
        try (RunLock lock =
                run == null
                        ? null
                        : RunLock.forWriting(
                                run, "eval", ", or write the CSV elsewhere with --out")) {
            return evaluate(model, file, corpus, options, chosen, csv, run);
        }
    }

    private int evaluate(
            Path model,
            Path file,
            Path corpus,
            EvaluationOptions options,
            Split chosen,
            Path csv,
            Path run) {
        Corpus lines = CorpusReader.read(corpus);
        Checkpoint checkpoint = model == null ? ModelFiles.readDefault() : Checkpoint.read(file);
        String name = model == null ? "the default model" : file.toString();
        ModelEvaluator.Result result;
        try (TerminalProgress progress = TerminalProgress.forTerminal("IW NLL k=" + iwSamples)) {
            result =
                    ModelEvaluator.evaluate(
                            checkpoint, name, lines, options, heldOut.languageModel(), progress);
        }
        EvaluationReport report = result.report();
        System.out.print(report.table());
        report.writeCsv(csv);
        System.out.println("CSV: " + csv);
        if (run != null && result.posteriors().means().size() > 1) {
            Path plot =
                    RunPlots.writeLatentPca(
                            run.resolve(RunPlots.LATENT_PCA),
                            result.posteriors().means(),
                            result.posteriors().lengths(),
                            chosen.label() + " split");
            System.out.println("plot: " + plot);
        }
        return 0;
    }

    private static Path defaultCsv(Path model, Path run, Split split) {
        String file = "eval-" + split.label() + ".csv";
        if (model == null) {
            return Path.of(file);
        }
        return run != null ? run.resolve(file) : model.toAbsolutePath().getParent().resolve(file);
    }

    /**
     * The run folder of a model given as a folder: the folder itself, or the run whose checkpoints
     * folder it is, where {@code plot} and the README look for the run's files.
     */
    private static Path runFolder(Path folder, Path checkpoint) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        boolean checkpointsFolder =
                name != null
                        && name.toString().equals("checkpoints")
                        && folder.equals(checkpoint.getParent());
        return checkpointsFolder ? folder.toAbsolutePath().normalize().getParent() : folder;
    }
}
