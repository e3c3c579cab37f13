package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.cli.QuietMain;
import org.textvae.corpus.CorpusReader;
import org.textvae.model.ModelConfig;
import org.textvae.model.ModelKind;
import org.textvae.train.KlSchedule;
import org.textvae.train.TrainConfig;
import org.textvae.train.TrainingJob;
import org.textvae.train.TrainingRun;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * {@code textvae compare} end to end on tiny real runs (20 steps each of an AE, a VAE, a β-VAE with
 * FactorVAE's penalty, and an LM to score the samples): one table row per run with β and γ read
 * from the checkpoints, IW NLL and MI undefined for the AE, the discriminator's TC for the
 * FactorVAE only, and one PNG per latent model.
 */
class ModelComparisonTest {

    private static final int STEPS = 20;

    @TempDir Path dir;

    private Path corpus() throws Exception {
        StringBuilder csv = new StringBuilder("text,split\n");
        for (int i = 0; i < TinyModels.LINES.size(); i++) {
            String split = i % 5 == 0 ? "test" : i % 5 == 1 ? "valid" : "train";
            csv.append(TinyModels.LINES.get(i)).append(',').append(split).append('\n');
        }
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private Path train(
            String name,
            ModelKind kind,
            float beta,
            float gamma,
            Path corpus,
            Path vocab,
            int size) {
        TrainConfig training =
                TrainConfig.builder()
                        .epochs(10)
                        .maxSteps(STEPS)
                        .batchSize(4)
                        .learningRate(1e-2f)
                        .wordDropout(0.25)
                        .klSchedule(new KlSchedule.Linear(10))
                        .beta(beta)
                        .seed(7)
                        .logEvery(5)
                        .checkpointEvery(0)
                        .factorGamma(gamma)
                        .build();
        Path run = dir.resolve("runs").resolve(name);
        TrainingRun.start(
                new TrainingJob(
                        new ModelConfig(kind, size, 16, 16, 4, false),
                        training,
                        corpus,
                        vocab,
                        null,
                        run,
                        List.of("test")),
                line -> {},
                false);
        return run;
    }

    @Test
    void compareWritesOneRowAndOnePicturePerRun() throws Exception {
        Path corpus = corpus();
        Path vocab = dir.resolve("tiny.tokenizer.json");
        int size;
        try (Vocabulary built =
                VocabularyBuilder.build(
                        CorpusReader.read(corpus),
                        new VocabularyOptions(Segmentation.CHARACTER, 1, 100),
                        vocab)) {
            size = built.size();
        }
        Path ae = train("ae", ModelKind.AE, 1f, 0f, corpus, vocab, size);
        Path vae = train("vae", ModelKind.VAE, 1f, 0f, corpus, vocab, size);
        Path factor = train("factor", ModelKind.VAE, 0.5f, 5f, corpus, vocab, size);
        Path lm = train("lm", ModelKind.LM, 1f, 0f, corpus, vocab, size);
        Path out = dir.resolve("docs").resolve("compare.md");
        int code =
                QuietMain.run(
                        "compare",
                        "--runs",
                        ae.toString(),
                        vae.toString(),
                        factor.toString(),
                        "--corpus",
                        corpus.toString(),
                        "--lm",
                        lm.toString(),
                        "--limit",
                        "0",
                        "--iw-samples",
                        "5",
                        "--samples",
                        "20",
                        "--out",
                        out.toString());
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out);
        String[] aeRow = row(lines, "ae");
        String[] vaeRow = row(lines, "vae");
        String[] factorRow = row(lines, "factor");
        // Cells: 0 model, 1 kind, 2 β, 3 γ, 4 rec, 5 KL, 6 IW NLL, 7 MI, 8 AU, 9 TC, 10 TC
        // Gaussian, 11 TC disc., 12 well-formed, 13 LM NLL.
        assertEquals("AE", aeRow[1]);
        assertEquals("—", aeRow[6], "an autoencoder defines no IW NLL");
        assertEquals("—", aeRow[7], "nor MI");
        assertTrue(aeRow[9].endsWith("(kernel)"), aeRow[9]);
        assertEquals("1.00", vaeRow[2]);
        assertEquals("—", vaeRow[3], "no TC penalty");
        assertFalse(vaeRow[6].equals("—"));
        assertEquals("—", vaeRow[11], "only FactorVAE has a discriminator");
        assertEquals("0.50", factorRow[2]);
        assertEquals("5.00", factorRow[3]);
        Double.parseDouble(factorRow[11]);
        for (String[] row : List.of(aeRow, vaeRow, factorRow)) {
            Double.parseDouble(row[9].replace(" (kernel)", ""));
            // A number, or none where the split has too few sentences for 4 dimensions.
            assertTrue(row[10].matches("[0-9.]+|—"), "a Gaussian TC: " + row[10]);
            assertTrue(row[12].endsWith("%"), row[12]);
            assertTrue(row[13].matches("[0-9.]+ \\([0-9.]+\\)"), row[13]);
        }
        for (String name : List.of("ae", "vae", "factor")) {
            byte[] png = Files.readAllBytes(out.resolveSibling("compare-" + name + ".png"));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N', name);
            assertTrue(lines.contains("![" + name + "](compare-" + name + ".png)"), name);
        }
        // One decoded 5 × 5 grid per latent model, its first row starting with point 1.
        assertEquals(3, lines.stream().filter(l -> l.startsWith("| 1. ")).count());
    }

    private static String[] row(List<String> lines, String name) {
        String line =
                lines.stream()
                        .filter(l -> l.startsWith("| " + name + " |"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no row for " + name + ": " + lines));
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
        assertEquals(14, cells.length, line);
        return cells;
    }
}
