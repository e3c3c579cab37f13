package org.textvae.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.textvae.SentenceVae;
import org.textvae.corpus.Corpus;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;

/**
 * Several trained models side by side on the same held-out sentences (same subsample, same seed,
 * same k): the autoencoder, the VAE, β-VAEs (Higgins et al. 2017) and FactorVAE (Kim and Mnih 2018)
 * as {@link ModelEvaluator} scores each, plus for each model with a latent space a picture of its
 * posterior means in their PCA plane with a decoded grid of latent points (see {@link LatentGrid}).
 * {@link ComparisonMarkdown} renders the result.
 */
public final class ModelComparison {

    /** The checkpoint entry where training records its whole job (as train.RunFolder writes). */
    static final String JOB_ENTRY = "training/job.json";

    /**
     * How a model was trained, as far as the comparison tells them apart.
     *
     * @param kind VAE, AE or LM
     * @param beta the final KL weight (NaN when the checkpoint does not record it)
     * @param gamma FactorVAE's TC weight (0: none; NaN when not recorded)
     */
    public record Settings(String kind, double beta, double gamma) {

        /**
         * Reads the settings from a checkpoint's job entry; the kind always comes from its config.
         */
        public static Settings of(Checkpoint checkpoint) {
            String kind = checkpoint.config().kind().name();
            byte[] job = checkpoint.extras().get(JOB_ENTRY);
            if (job == null) {
                return new Settings(kind, Double.NaN, Double.NaN);
            }
            try {
                JsonObject training =
                        JsonParser.parseString(new String(job, StandardCharsets.UTF_8))
                                .getAsJsonObject()
                                .getAsJsonObject("training");
                return new Settings(
                        kind, number(training, "beta"), number(training, "factorGamma"));
            } catch (JsonParseException | IllegalStateException | ClassCastException e) {
                // A job entry this version cannot read only costs the β and γ columns.
                return new Settings(kind, Double.NaN, Double.NaN);
            }
        }

        private static double number(JsonObject object, String name) {
            JsonElement element = object == null ? null : object.get(name);
            return element == null || element.isJsonNull() ? Double.NaN : element.getAsDouble();
        }
    }

    /**
     * One compared model.
     *
     * @param name the run's name (its folder name, made unique)
     * @param settings how it was trained
     * @param report its figures
     * @param grid the decoded grid lines, in grid order (empty for an LM)
     * @param gridWellFormed whether each grid line is well-formed, aligned with {@code grid}
     * @param plot its picture (null for an LM)
     */
    public record Row(
            String name,
            Settings settings,
            EvaluationReport report,
            List<String> grid,
            List<Boolean> gridWellFormed,
            Path plot) {}

    /**
     * The comparison.
     *
     * @param corpus the corpus's name
     * @param options how every model was evaluated
     * @param gridSize grid points per side
     * @param lm the language model that scored the samples (null: none)
     * @param rows one per run, in the order given
     */
    public record Result(
            String corpus, EvaluationOptions options, int gridSize, String lm, List<Row> rows) {}

    private ModelComparison() {}

    /**
     * Evaluates each run and draws its picture into {@code plots}.
     *
     * @param runs run folders or checkpoint files
     * @param lm a language model to score the prior samples with (null: none)
     * @param gridSize points per side of the decoded grid
     * @param plots the folder for the pictures, {@code compare-<name>.png}
     */
    public static Result compare(
            List<Path> runs,
            Corpus corpus,
            EvaluationOptions options,
            LanguageModelScore.Reference lm,
            int gridSize,
            Path plots) {
        return compare(runs, corpus, options, lm, gridSize, plots, name -> ProgressListener.NONE);
    }

    /** As above, with a progress listener for each run's evaluation, given the run's name. */
    public static Result compare(
            List<Path> runs,
            Corpus corpus,
            EvaluationOptions options,
            LanguageModelScore.Reference lm,
            int gridSize,
            Path plots,
            Function<String, ProgressListener> progressFor) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("name at least one run to compare");
        }
        Predicate<String> wellFormed = wellFormedRule(corpus);
        List<String> names = names(runs);
        List<Row> rows = new ArrayList<>(runs.size());
        for (int r = 0; r < runs.size(); r++) {
            Path run = runs.get(r);
            String name = names.get(r);
            Path file = ModelFiles.checkpointFile(run);
            Checkpoint checkpoint = Checkpoint.read(file);
            ModelEvaluator.Result result;
            try (ProgressListener progress = progressFor.apply(name)) {
                result =
                        ModelEvaluator.evaluate(
                                checkpoint, file.toString(), corpus, options, lm, progress);
            }
            List<float[]> means = result.posteriors().means();
            if (!checkpoint.config().kind().hasLatent() || means.size() < 2) {
                rows.add(
                        new Row(
                                name,
                                Settings.of(checkpoint),
                                result.report(),
                                List.of(),
                                List.of(),
                                null));
                continue;
            }
            LatentGrid grid = LatentGrid.fit(means, gridSize);
            List<String> decoded;
            try (SentenceVae vae = SentenceVae.load(file)) {
                // Greedy and unforced, as the prior samples are decoded.
                decoded =
                        vae.decodeAll(grid.codes(), SentenceVae.DEFAULT_MAX_LENGTH, 0, new int[0]);
            }
            Path plot =
                    grid.plot(
                            picture(plots, name),
                            name
                                    + ": held-out posterior means (PCA) and a grid of latent"
                                    + " points, decoded (lines listed in the Markdown)",
                            decoded,
                            wellFormed);
            rows.add(
                    new Row(
                            name,
                            Settings.of(checkpoint),
                            result.report(),
                            decoded,
                            decoded.stream().map(wellFormed::test).toList(),
                            plot));
        }
        return new Result(corpus.name(), options, gridSize, lm == null ? null : lm.name(), rows);
    }

    /**
     * Poem corpora: {@link PoemForm#isValidLine}; other corpora: a line with tokens and no {@code
     * <unk>} (there is no form to hold it to).
     */
    static Predicate<String> wellFormedRule(Corpus corpus) {
        return PoemForm.isPoemCorpus(corpus.train())
                ? PoemForm::isValidLine
                : line -> !line.isBlank() && !line.contains("<unk>");
    }

    /**
     * The file {@link #compare} would draw each run's picture into, in run order (a run without a
     * latent space gets none), so a caller can check before the evaluation starts whether it would
     * replace existing files.
     */
    public static List<Path> pictures(List<Path> runs, Path plots) {
        return names(runs).stream().map(name -> picture(plots, name)).toList();
    }

    private static Path picture(Path plots, String name) {
        return plots.resolve("compare-" + name + ".png");
    }

    /** Each run's name in the table and in its picture's file name, made unique. */
    private static List<String> names(List<Path> runs) {
        Set<String> taken = new HashSet<>();
        return runs.stream().map(run -> uniqueName(run, taken)).toList();
    }

    private static String uniqueName(Path run, Set<String> taken) {
        Path last = run.toAbsolutePath().normalize().getFileName();
        String base = last == null ? "model" : last.toString().replaceAll("[^\\w.-]+", "_");
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
