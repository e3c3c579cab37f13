package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.generate.TinyModel;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;
import org.textvae.prior.GaussianMixture;
import org.textvae.prior.PosteriorMixture;
import org.textvae.prior.PriorEntry;
import org.textvae.prior.StandardNormal;

/** {@code textvae prior} on a tiny model: the fitted prior lands in the checkpoint and is used. */
class PriorCommandTest {

    private static final List<String> LINES = List.of("春眠不覺曉", "處處聞啼鳥", "夜來風雨聲", "花落知多少");

    @Test
    void fitsAMixtureThatGenerationThenDrawsFrom(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 3);
        Path corpus = CommandLineTest.tinyCorpus(directory);
        Path out = directory.resolve("with-prior.ckpt");
        CommandLineTest.Outcome fit =
                CommandLineTest.run(
                        "prior",
                        "--model",
                        model.toString(),
                        "--corpus",
                        corpus.toString(),
                        "--components",
                        "2",
                        "--out",
                        out.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(
                fit.out().startsWith("fitted a mixture of 2 Gaussians to 24 training lines"),
                fit.out());
        try (SentenceVae plain = SentenceVae.load(model);
                SentenceVae fitted = SentenceVae.load(out)) {
            assertInstanceOf(StandardNormal.class, plain.prior());
            GaussianMixture mixture = assertInstanceOf(GaussianMixture.class, fitted.prior());
            assertEquals(2, mixture.components());
            assertArrayEquals(mixture.sample(3, 9), fitted.priorSamples(3, 9));
        }
        // The weights are carried over untouched: only the prior is added.
        assertArrayEquals(Checkpoint.read(model).weights(), Checkpoint.read(out).weights());
    }

    @Test
    void keepsTheWidenedPosteriorsOfTrainingLines(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 3);
        Path out = directory.resolve("posteriors.ckpt");
        CommandLineTest.Outcome kept =
                CommandLineTest.run(
                        "prior",
                        "--model",
                        model.toString(),
                        "--corpus",
                        CommandLineTest.tinyCorpus(directory).toString(),
                        "--kind",
                        "posteriors",
                        "--lines",
                        "10",
                        "--widen",
                        "2",
                        "--out",
                        out.toString());
        assertEquals(0, kept.exitCode(), kept.err());
        assertTrue(
                kept.out().startsWith("kept the posteriors of 10 training lines, widened 2.0"),
                kept.out());
        try (SentenceVae fitted = SentenceVae.load(out)) {
            PosteriorMixture prior = assertInstanceOf(PosteriorMixture.class, fitted.prior());
            assertEquals(10, prior.components());
            assertEquals(2.0, prior.widening());
            assertArrayEquals(prior.sample(3, 9), fitted.priorSamples(3, 9));
        }
    }

    @Test
    void optionsOfTheOtherKindAreRefused(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 3);
        String corpus = CommandLineTest.tinyCorpus(directory).toString();
        String[][] wrong = {
            {"--kind", "posteriors", "--components", "3"},
            {"--kind", "mixture", "--widen", "2"},
            {"--kind", "posteriors", "--widen", "0.5"},
            {"--kind", "flow"},
            {"--kind", "posteriors", "--lines", "100000"}
        };
        for (String[] options : wrong) {
            List<String> args =
                    new java.util.ArrayList<>(
                            List.of("prior", "--model", model.toString(), "--corpus", corpus));
            args.addAll(List.of(options));
            args.addAll(List.of("--out", directory.resolve("x.ckpt").toString()));
            CommandLineTest.Outcome refused = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(2, refused.exitCode(), String.join(" ", options) + ": " + refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertTrue(Files.notExists(directory.resolve("x.ckpt")));
        }
    }

    @Test
    void withoutOutTheModelsOwnFileGainsThePrior(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 5);
        byte[] weights = Checkpoint.read(model).weights();
        CommandLineTest.Outcome fit =
                CommandLineTest.run(
                        "prior",
                        "--model",
                        model.toString(),
                        "--corpus",
                        CommandLineTest.tinyCorpus(directory).toString(),
                        "--components",
                        "1");
        assertEquals(0, fit.exitCode(), fit.err());
        Checkpoint rewritten = Checkpoint.read(model);
        assertTrue(rewritten.extras().containsKey(PriorEntry.NAME));
        assertArrayEquals(weights, rewritten.weights());
    }

    @Test
    void theModelInTheJarNeedsOutAndBadCountsAreRefused(@TempDir Path directory) throws Exception {
        CommandLineTest.Outcome noOut = CommandLineTest.run("prior");
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.err().contains("pass --out FILE"), noOut.err());
        Path model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 7);
        CommandLineTest.Outcome tooMany =
                CommandLineTest.run(
                        "prior",
                        "--model",
                        model.toString(),
                        "--corpus",
                        CommandLineTest.tinyCorpus(directory).toString(),
                        "--components",
                        "20");
        assertEquals(3, tooMany.exitCode(), tooMany.err());
        assertTrue(tooMany.err().contains("at least 40 training sentences, got 24"), tooMany.err());
        assertTrue(Files.exists(model));
    }

    @Test
    void poemsAddALineSuccessionThatPoemsFollow(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, ModelKind.VAE, LINES, 4, 3);
        Path corpus = CommandLineTest.tinyCorpus(directory);
        Path poems = directory.resolve("poems.csv.gz");
        try (java.io.Writer w =
                new java.io.OutputStreamWriter(
                        new java.util.zip.GZIPOutputStream(
                                java.nio.file.Files.newOutputStream(poems)),
                        java.nio.charset.StandardCharsets.UTF_8)) {
            w.write("id,title,author,lines,split\n");
            for (int p = 0; p < 6; p++) {
                w.write("p" + p + ",t,a," + String.join("/", LINES) + ",train\n");
            }
        }
        Path out = directory.resolve("with-succession.ckpt");
        CommandLineTest.Outcome fit =
                CommandLineTest.run(
                        "prior",
                        "--model",
                        model.toString(),
                        "--corpus",
                        corpus.toString(),
                        "--kind",
                        "posteriors",
                        "--poems",
                        poems.toString(),
                        "--out",
                        out.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(
                fit.out()
                        .contains(
                                "line succession to 18 consecutive line pairs of 6 training poems"),
                fit.out());
        try (SentenceVae vae = SentenceVae.load(out)) {
            assertTrue(vae.entry(org.textvae.poetry.LineSuccession.ENTRY).isPresent());
            org.textvae.poetry.ToneTable table = org.textvae.poetry.ToneTable.bundled();
            assertTrue(
                    new org.textvae.poetry.RegulatedPoemWriter(vae, table, 1, true).followsLines());
            assertFalse(
                    new org.textvae.poetry.RegulatedPoemWriter(vae, table).followsLines(),
                    "lines follow one another only when asked");
        }
        Path exported = directory.resolve("exported.ckpt");
        assertEquals(
                0,
                CommandLineTest.run(
                                "export", "--model", out.toString(), "--out", exported.toString())
                        .exitCode());
        assertTrue(
                Checkpoint.read(exported)
                        .extras()
                        .containsKey(org.textvae.poetry.LineSuccession.ENTRY),
                "export keeps the line succession");
        CommandLineTest.Outcome mixture =
                CommandLineTest.run(
                        "prior",
                        "--model",
                        model.toString(),
                        "--corpus",
                        corpus.toString(),
                        "--poems",
                        poems.toString(),
                        "--out",
                        directory.resolve("no.ckpt").toString());
        assertEquals(2, mixture.exitCode());
        assertTrue(mixture.err().contains("--poems is for --kind posteriors"), mixture.err());
    }
}
