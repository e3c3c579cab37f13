package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.textvae.TextvaeException;
import org.textvae.corpus.CorpusReader;
import org.textvae.eval.ComparisonMarkdown;
import org.textvae.eval.EvaluationOptions;
import org.textvae.eval.ModelComparison;
import org.textvae.io.AtomicFiles;
import org.textvae.io.IoErrors;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae compare}: several runs on the same held-out sentences, as a Markdown table. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Compare several runs on the same held-out sentences, as a Markdown table.",
            "Evaluates several runs (AE, VAE, beta-VAE, FactorVAE, ...) on the same seeded"
                    + " subsample of one split and prints a Markdown table: reconstruction, KL, IW"
                    + " NLL, MI, active units, total correlation, the share of well-formed prior"
                    + " samples and, with --lm, their NLL under a language model. Draws per run"
                    + " compare-<run>.png: the posterior means in their PCA plane with a grid of"
                    + " latent points, decoded (the grid's lines are in the Markdown). Existing"
                    + " pictures or Markdown are replaced only with --force."
        },
        footer = {
            "",
            "Example: textvae compare --runs runs/ae runs/vae runs/beta0.5 runs/beta4 \\",
            "           runs/factor --corpus corpora/tang.csv.gz --lm runs/lm \\",
            "           --out docs/compare/results.md"
        })
final class CompareCommand implements Callable<Integer> {

    @Option(
            names = "--runs",
            required = true,
            arity = "1..*",
            paramLabel = "PATH",
            description = "Run folders or .ckpt files to compare, in table order.")
    List<Path> runs;

    @Mixin HeldOutOptions heldOut;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Sentences evaluated (seeded subsample, the same for every run; 0: all).")
    int limit;

    @Option(
            names = "--iw-samples",
            paramLabel = "K",
            defaultValue = "100",
            description = "k for the IW NLL (at most 100,000).")
    int iwSamples;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "500",
            description = "Prior samples decoded (at most 1,000,000).")
    int samples;

    @Option(
            names = "--grid",
            paramLabel = "N",
            defaultValue = "5",
            description = "Grid points per side (2 to 12).")
    int grid;

    @Option(
            names = "--out",
            paramLabel = "FILE.md",
            description =
                    "Also write the Markdown here (an existing file only with --force); the"
                            + " pictures go beside it.")
    Path out;

    @Mixin OutputFile output;

    @Option(
            names = "--plots",
            paramLabel = "DIR",
            description = "Folder for the pictures (default: beside --out, else here).")
    Path plots;

    @Override
    public Integer call() {
        if (grid < 2 || grid > 12) {
            throw new IllegalArgumentException("--grid must be 2 to 12, got " + grid);
        }
        EvaluationOptions options = heldOut.evaluation(iwSamples, samples, limit);
        // Compared runs share one corpus: the first run's, unless --corpus names it.
        Path corpus = heldOut.corpusFor(runs.get(0));
        if (out != null) {
            output.check(
                    out,
                    Stream.concat(
                                    runs.stream().map(ModelFiles::checkpointFile),
                                    Stream.of(corpus, heldOut.languageModelFile()))
                            .toArray(Path[]::new));
        }
        Path base = out == null ? null : out.toAbsolutePath().getParent();
        Path folder = plots != null ? plots : base != null ? base : Path.of("");
        OutputFile.checkFolder(folder);
        output.checkAll(ModelComparison.pictures(runs, folder));
        // A missing or damaged last run should not cost the evaluations of the runs before it.
        for (Path run : runs) {
            Checkpoint.read(ModelFiles.checkpointFile(run));
        }
        try {
            Files.createDirectories(folder.toAbsolutePath());
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "cannot create " + folder + ": " + IoErrors.reason(e),
                    e);
        }
        ModelComparison.Result result =
                ModelComparison.compare(
                        runs,
                        CorpusReader.read(corpus),
                        options,
                        heldOut.languageModel(),
                        grid,
                        folder,
                        name -> TerminalProgress.forTerminal(name + " IW NLL"));
        String markdown = ComparisonMarkdown.render(result, base);
        System.out.print(markdown);
        if (out != null) {
            try {
                AtomicFiles.writeString(out, markdown);
            } catch (IOException e) {
                throw OutputFile.cannotWrite(out, e);
            }
            System.out.println("Markdown: " + out);
        }
        return 0;
    }
}
