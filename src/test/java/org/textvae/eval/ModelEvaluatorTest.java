package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.cli.QuietMain;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.Split;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.vocab.Vocabulary;

/**
 * The whole evaluation on a tiny run folder: {@code textvae eval} and {@code textvae plot} end to
 * end (table, CSV, PNGs), and the figures each model kind defines: the LM's IW NLL is its exact NLL
 * with no KL, MI or active units; the autoencoder has no IW NLL.
 */
class ModelEvaluatorTest {

    private static final EvaluationOptions SMALL =
            new EvaluationOptions(Split.TEST, 5, 30, 1, 0, 8);

    @TempDir Path dir;

    private Path corpus() throws IOException {
        StringBuilder csv = new StringBuilder("text,split\n");
        for (int i = 0; i < TinyModels.LINES.size(); i++) {
            String split = i % 4 == 0 ? "test" : i % 4 == 1 ? "valid" : "train";
            csv.append(TinyModels.LINES.get(i)).append(',').append(split).append('\n');
        }
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private Checkpoint checkpoint(ModelKind kind) {
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = TinyModels.vocabulary()) {
            SentenceVaeNetwork network = TinyModels.network(manager, kind, vocabulary.size(), 3);
            return Checkpoint.of(network, vocabulary.toJson(), Map.of());
        }
    }

    private Path runFolder() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("checkpoints"));
        checkpoint(ModelKind.VAE).write(run.resolve("checkpoints").resolve("last.ckpt"));
        Files.writeString(
                run.resolve("metrics.csv"),
                String.join(
                        "\n",
                        "phase,step,epoch,beta,reconstruction,kl,loss,perplexity,active_units,grad_norm,"
                                + "tokens_per_s,seconds",
                        "train,10,0,0.1,30.0,5.0,30.5,,,2.0,100,1.0",
                        "train,20,0,0.2,25.0,4.0,25.8,,,2.0,100,2.0",
                        "valid,20,0,0.2,24.0,3.5,27.5,60.1,2,,,2.5",
                        "train,30,1,0.3,22.0,3.0,22.9,,,2.0,100,3.0",
                        "valid,40,1,0.4,21.0,3.0,24.0,40.2,3,,,4.0",
                        ""));
        return run;
    }

    @Test
    void evalCommandPrintsWritesCsvAndPlotsIntoTheRunFolder() throws IOException {
        Path run = runFolder();
        int code =
                QuietMain.run(
                        "eval",
                        "--model",
                        run.toString(),
                        "--corpus",
                        corpus().toString(),
                        "--iw-samples",
                        "5",
                        "--samples",
                        "30");
        assertEquals(0, code);
        List<String> csv = Files.readAllLines(run.resolve("eval-test.csv"));
        assertEquals(2, csv.size());
        assertEquals(31, csv.get(0).split(",").length);
        assertTrue(csv.get(0).startsWith("model,kind,split,sentences,tokens_with_eos,"));
        assertTrue(csv.get(0).endsWith(",written_back"), csv.get(0));
        double writtenBack =
                Double.parseDouble(csv.get(1).substring(csv.get(1).lastIndexOf(',') + 1));
        assertTrue(writtenBack >= 0 && writtenBack <= 1, csv.get(1));
        assertTrue(Files.size(run.resolve(RunPlots.LATENT_PCA)) > 1000);
    }

    @Test
    void plotCommandDrawsTrainingValidationAndLatentCharts() throws IOException {
        Path run = runFolder();
        int code =
                QuietMain.run("plot", "--model", run.toString(), "--corpus", corpus().toString());
        assertEquals(0, code);
        for (String png : List.of(RunPlots.TRAINING, RunPlots.VALIDATION, RunPlots.LATENT_PCA)) {
            byte[] bytes = Files.readAllBytes(run.resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N', png);
        }
    }

    @Test
    void plotTakesAPlainTextFileOfHeldOutSentences() throws IOException {
        Path run = runFolder();
        Path heldOut = dir.resolve("held-out.txt");
        Files.writeString(heldOut, "春風吹夜雨\n江月照花林\n白鳥向東飛\n");
        Files.deleteIfExists(run.resolve(RunPlots.LATENT_PCA));
        int code = QuietMain.run("plot", "--model", run.toString(), "--corpus", heldOut.toString());
        assertEquals(0, code);
        assertTrue(Files.size(run.resolve(RunPlots.LATENT_PCA)) > 1000);
    }

    @Test
    void anEmptySplitSaysWhereTheSentencesAre() throws IOException {
        Path heldOut = dir.resolve("plain.txt");
        Files.writeString(heldOut, "春風吹夜雨\n江月照花林\n白鳥向東飛\n");
        Corpus corpus = CorpusReader.read(heldOut);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ModelEvaluator.evaluate(
                                        checkpoint(ModelKind.VAE), "vae", corpus, SMALL));
        assertTrue(
                e.getMessage().contains("its sentences are in --split train (3)"), e.getMessage());
    }

    @Test
    void vaeReportIsConsistent() throws IOException {
        Corpus corpus = CorpusReader.read(corpus());
        EvaluationReport report =
                ModelEvaluator.evaluate(checkpoint(ModelKind.VAE), "vae", corpus, SMALL).report();
        assertEquals(5, report.sentences());
        assertEquals(report.reconstruction() + report.kl(), report.negativeElbo(), 1e-12);
        assertTrue(report.iwNll() <= report.negativeElbo() + 0.5);
        assertEquals(30, report.samples());
        assertTrue(report.distinct1() > 0 && report.distinct1() <= 1);
        assertTrue(report.selfBleu() >= 0 && report.selfBleu() <= 1);
        assertTrue(!Double.isNaN(report.validFormRate()), "the tiny corpus is a poem corpus");
        assertTrue(report.table().contains("<eos>"));
    }

    @Test
    void languageModelReportsExactNllAndNoLatentFigures() throws IOException {
        Corpus corpus = CorpusReader.read(corpus());
        EvaluationReport report =
                ModelEvaluator.evaluate(checkpoint(ModelKind.LM), "lm", corpus, SMALL).report();
        assertEquals(0, report.kl(), 0);
        assertEquals(0, report.mutualInformation(), 0);
        assertEquals(0, report.activeUnits());
        assertEquals(1, report.iwSamples());
        assertEquals(report.reconstruction(), report.iwNll(), 1e-4);
        assertTrue(report.distinct2() > 0, "ancestral samples differ from one another");
    }

    @Test
    void autoencoderHasNoIwNll() throws IOException {
        Corpus corpus = CorpusReader.read(corpus());
        EvaluationReport report =
                ModelEvaluator.evaluate(checkpoint(ModelKind.AE), "ae", corpus, SMALL).report();
        assertTrue(Double.isNaN(report.iwNll()));
        assertTrue(Double.isNaN(report.mutualInformation()));
        assertEquals("", report.columns().get("iw_nll"));
        assertTrue(report.table().contains("n/a (a deterministic autoencoder"));
    }

    @Test
    void aCorpusMostlyUnknownToTheModelIsRefused() throws IOException {
        Path english = dir.resolve("english.csv");
        Files.writeString(english, "text,split\nthe cat sat on the mat,test\na dog ran,test\n");
        Corpus corpus = CorpusReader.read(english);
        TextvaeException e =
                assertThrows(
                        TextvaeException.class,
                        () ->
                                ModelEvaluator.evaluate(
                                        checkpoint(ModelKind.VAE), "vae", corpus, SMALL));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("100% of the tokens of english.csv"), e.getMessage());
    }

    @Test
    void aFewUnknownTokensAreScored() {
        // Two unknown ids among four tokens: half, which is still allowed.
        ModelEvaluator.requireMostlyKnown(List.of(new int[] {1, 5}, new int[] {7, 1}), 1, "c");
        assertThrows(
                TextvaeException.class,
                () -> ModelEvaluator.requireMostlyKnown(List.of(new int[] {1, 1, 5}), 1, "c"));
    }

    @Test
    void pcaFindsTheAxisOfLargestVariance() {
        // Points spread along (1, 1, 0)/√2 with a little noise across it.
        List<float[]> rows = new java.util.ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        for (int i = 0; i < 500; i++) {
            double t = random.nextGaussian() * 3;
            rows.add(
                    new float[] {
                        (float) (t + 0.1 * random.nextGaussian()),
                        (float) (t + 0.1 * random.nextGaussian()),
                        (float) (0.5 * random.nextGaussian())
                    });
        }
        Pca pca = Pca.fit(rows, 2);
        assertEquals(1 / Math.sqrt(2), Math.abs(pca.components()[0][0]), 0.01);
        assertEquals(1 / Math.sqrt(2), Math.abs(pca.components()[0][1]), 0.01);
        assertEquals(1, Math.abs(pca.components()[1][2]), 0.01);
        assertTrue(pca.explained(0) > 0.9);
    }
}
