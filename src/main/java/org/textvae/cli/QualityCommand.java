package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.Seeds;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.corpus.Subsample;
import org.textvae.eval.Fidelity;
import org.textvae.eval.LanguageModelScore;
import org.textvae.eval.LatentSpaceFigures;
import org.textvae.eval.SampleQuality;
import org.textvae.generate.ReconstructionOptions;
import org.textvae.generate.Refinement;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.poetry.RegulatedPoemWriter;
import org.textvae.poetry.RegulatedVerseScorer;
import org.textvae.poetry.ToneTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae quality}: the figures of docs/sample-quality.md. */
@Command(
        mixinStandardHelpOptions = true,
        name = "quality",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Measure sample quality as a user sees it.",
            "Poem lines of valid form (exact length, no <unk>), novelty (samples from the model's"
                    + " prior that are not training lines), distinct lines per batch of 100,"
                    + " interpolation paths between held-out lines (distinct interior lines of 7"
                    + " steps; ends equal to the reconstructions), reconstruction of held-out (and"
                    + " --unseen) lines, and with --lm the samples' fluency under a language"
                    + " model."
        },
        footer = {"", "Example: textvae quality --corpus corpora/tang.csv.gz --samples 1000"})
final class QualityCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Spec CommandSpec spec;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description =
                    "The model's corpus: train split for novelty, test split for paths (default: "
                            + RecordedCorpus.DEFAULT_TEXT
                            + ").")
    Path corpus;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Samples and poem lines (100 to 1,000,000).")
    int samples;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            defaultValue = "100",
            description = "Interpolation pairs (at most " + MAX_PAIRS + ").")
    int pairs;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "" + Seeds.MEASURING,
            description = "Seed for samples and pairs.")
    long seed;

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Held-out lines reconstructed (at most " + MAX_LINES + ").")
    int lineCount;

    @Option(
            names = "--unseen",
            paramLabel = "FILE",
            description =
                    "Lines from outside the corpus to reconstruct too (CSV or text; at most"
                            + " --lines of them), e.g. corpora/songshi.csv.gz.")
    Path unseen;

    @Option(
            names = "--beam",
            paramLabel = "K",
            defaultValue = "1",
            description =
                    "Also reconstruct and interpolate with beam search of K beams (as reconstruct"
                            + " --beam K and interpolate --beam K do) and print those figures too.")
    int beam;

    @Mixin RefineOption refineOption;

    @Option(
            names = "--poems",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Also write N poems of each regulated form (五絕, 七絕, 五律, 七律) and print"
                            + " their figures (rhyme, tones, variety, copied lines, natural"
                            + " endings, coherence) beside the test poems of --poem-corpus.")
    int poems;

    @Option(
            names = "--poem-corpus",
            paramLabel = "FILE",
            defaultValue = "corpora/tang-poems.csv.gz",
            description = "Whole poems for --poems: training poems and the test poems shown.")
    Path poemCorpus;

    @Option(
            names = "--lm",
            paramLabel = "PATH",
            description =
                    "Language model (train --model lm, same vocabulary) that scores prior samples"
                            + " and held-out lines, per token.")
    Path lm;

    /** Held-out lines are encoded and decoded in memory. */
    static final int MAX_LINES = 100_000;

    /** Most interpolation pairs: 7 decoded lines each, enough for any estimate of a share. */
    static final int MAX_PAIRS = 100_000;

    /** SampleQuality counts distinct lines in batches of this many samples. */
    private static final int DISTINCT_BATCH = 100;

    @Override
    public Integer call() {
        if (samples < DISTINCT_BATCH) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--samples must be at least "
                            + DISTINCT_BATCH
                            + " (distinct lines are counted per batch of "
                            + DISTINCT_BATCH
                            + "), got "
                            + samples);
        }
        Options.requireAtMost(
                "--samples", samples, GenerateCommand.MAX_COUNT, "all are held at once");
        Options.requirePositive("--pairs", pairs);
        Options.requireAtMost("--pairs", pairs, MAX_PAIRS, "each pair decodes 7 lines");
        Options.requirePositive("--lines", lineCount);
        Options.requireAtMost("--poems", poems, RegulatedPoemWriter.MAX_POEMS, "");
        if (poems < 0) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE, "--poems must be 0 (none) or more, got " + poems);
        }
        Options.requireAtMost("--lines", lineCount, MAX_LINES, "");
        Options.requirePositive("--beam", beam);
        Options.requireAtMost("--beam", beam, SentenceVae.MAX_BEAM, "");
        Refinement refinement = refineOption.refinement();
        corpus = RecordedCorpus.of(corpus, modelOption.model);
        Corpus lines = CorpusReader.read(corpus);
        List<String> heldOut = heldOut(lines);
        List<String> outside = unseen == null ? List.of() : everyLine(CorpusReader.read(unseen));
        LatentSpaceFigures.Scorer scorer = scorer();
        if (SampleQuality.pairs(heldOut, pairs, seed).isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    "no interpolation pair of two different held-out lines was drawn from "
                            + corpus
                            + "; raise --pairs");
        }
        try (SentenceVae vae = modelOption.loadWithLatentSpace()) {
            SampleQuality.Report r =
                    SampleQuality.measure(
                            vae, new HashSet<>(lines.train()), heldOut, samples, pairs, seed);
            System.out.printf("model: %s; corpus: %s; seed %d%n", vae.source(), corpus, seed);
            LatentSpaceReport.print(r);
            LatentSpaceFigures.Report figures =
                    LatentSpaceFigures.measure(
                            vae,
                            new HashSet<>(lines.train()),
                            Subsample.of(heldOut, lineCount, seed),
                            Subsample.of(outside, lineCount, seed),
                            SampleQuality.pairs(heldOut, pairs, seed),
                            samples,
                            seed,
                            scorer);
            LatentSpaceReport.print(figures, corpus, unseen);
            List<String> seen = Subsample.of(heldOut, lineCount, seed);
            List<String> others = Subsample.of(outside, lineCount, seed);
            List<List<String>> walks = SampleQuality.pairs(heldOut, pairs, seed);
            if (beam > 1) {
                printAgain(vae, seen, others, walks, ReconstructionOptions.beam(beam));
            }
            if (refinement.refines()) {
                printAgain(vae, seen, others, walks, ReconstructionOptions.GREEDY.with(refinement));
                if (beam > 1) {
                    printAgain(
                            vae, seen, others, walks, new ReconstructionOptions(beam, refinement));
                }
            }
        }
        if (poems > 0) {
            printPoems();
        }
        return 0;
    }

    /** Reconstruction and path figures again, read as {@code options} say. */
    private void printAgain(
            SentenceVae vae,
            List<String> seen,
            List<String> others,
            List<List<String>> walks,
            ReconstructionOptions options) {
        int beam = options.beam();
        Refinement refinement = options.refinement();
        String how =
                (beam > 1 ? "--beam " + beam : "")
                        + (beam > 1 && refinement.refines() ? " " : "")
                        + (refinement.refines() ? "--refine " + refinement.steps() : "");
        long start = System.nanoTime();
        Fidelity.Reconstruction heldOutLines = Fidelity.reconstruction(vae, seen, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        LatentSpaceReport.printAgain(
                how,
                seconds,
                heldOutLines,
                others.isEmpty() ? null : Fidelity.reconstruction(vae, others, options),
                Fidelity.paths(vae, walks, 7, options),
                corpus,
                unseen);
    }

    /** The figures of {@code verse --generate}: the test poems' beside the model's. */
    private void printPoems() {
        System.out.flush();
        PrintWriter out = spec.commandLine().getOut();
        RegulatedVerseScorer scorer = new RegulatedVerseScorer(ToneTable.bundled());
        List<PoemCorpusFile.Entry> entries = PoemCorpusFile.read(poemCorpus);
        out.println();
        VerseCommand.printReal(out, scorer, entries, poemCorpus, "test", Split.TEST);
        new GeneratedVerse(scorer, entries, Split.TEST)
                .print(out, modelOption, poems, seed, lm, new Writing(1, false, false));
    }

    private static List<String> everyLine(Corpus corpus) {
        List<String> all = new java.util.ArrayList<>(corpus.train());
        all.addAll(corpus.valid());
        all.addAll(corpus.test());
        return all;
    }

    private LatentSpaceFigures.Scorer scorer() {
        if (lm == null) {
            return null;
        }
        Path file = ModelFiles.checkpointFile(lm);
        Checkpoint languageModel = Checkpoint.read(file);
        Checkpoint model =
                modelOption.model == null
                        ? ModelFiles.readDefault()
                        : Checkpoint.read(ModelFiles.checkpointFile(modelOption.model));
        LanguageModelScore.requireCompatible(languageModel, lm.toString(), model.tokenizerJson());
        return new LatentSpaceFigures.Scorer(languageModel, file.toString());
    }

    /** The lines interpolated between: the test split, else the valid split. */
    private List<String> heldOut(Corpus lines) {
        List<String> heldOut = lines.test().isEmpty() ? lines.valid() : lines.test();
        if (new HashSet<>(heldOut).size() < 2) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    corpus
                            + " has no held-out lines to interpolate between (a test or valid split"
                            + " with two different lines); give the model's CSV corpus, whose"
                            + " split column marks them");
        }
        return heldOut;
    }
}
