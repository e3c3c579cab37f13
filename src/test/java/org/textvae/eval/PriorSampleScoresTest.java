package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.Split;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelKind;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;

/**
 * The prior-sample figures: the well-formedness rule for poem lines, and the NLL of samples under a
 * separate language model, which must equal that LM's own NLL of the same line and refuse an LM of
 * another vocabulary.
 */
class PriorSampleScoresTest {

    @TempDir Path dir;

    @Test
    void wellFormedMeansFiveOrSevenCharactersNoUnknownNoTripleRepeat() {
        assertTrue(PoemForm.isValidLine("春山夜月明"));
        assertTrue(PoemForm.isValidLine("春風吹柳新色明"));
        assertTrue(PoemForm.isValidLine("春春山春春"), "pairs are allowed, triples are not");
        assertFalse(PoemForm.isValidLine("春山夜月明白"), "six characters");
        assertFalse(PoemForm.isValidLine("春山夜月"), "four characters");
        assertFalse(PoemForm.isValidLine(""), "empty");
        assertFalse(PoemForm.isValidLine("春山<unk>月明"), "an unknown token");
        assertFalse(PoemForm.isValidLine("春山山山明"), "a character three times in a row");
        assertEquals(0.5, PoemForm.validRate(List.of("春山夜月明", "春山山山明")), 0);
    }

    private Checkpoint checkpoint(ModelKind kind, Vocabulary vocabulary, int seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return Checkpoint.of(
                    TinyModels.network(manager, kind, vocabulary.size(), seed),
                    vocabulary.toJson(),
                    Map.of());
        }
    }

    @Test
    void nllOfASampleUnderTheLmIsTheLmsOwnNll() {
        try (Vocabulary vocabulary = TinyModels.vocabulary()) {
            Checkpoint lm = checkpoint(ModelKind.LM, vocabulary, 7);
            Path file = dir.resolve("lm.ckpt");
            lm.write(file);
            String line = "春山夜月明";
            int[] ids = vocabulary.encode(line);
            LanguageModelScore.Result scored = LanguageModelScore.score(lm, "lm", List.of(ids), 8);
            double direct;
            try (SentenceVae loaded = SentenceVae.load(file)) {
                // The LM ignores z; logProbability only needs one of the right width.
                direct = -loaded.logProbability(new float[4], line);
            }
            assertEquals(direct, scored.nllPerSentence(), 1e-4);
            assertEquals(ids.length + 1, scored.tokens(), "<eos> counts as a token");
            assertEquals(direct / (ids.length + 1), scored.nllPerToken(), 1e-4);

            // An empty sample costs −log p(<eos> | <bos>) and one token; means are per sample.
            LanguageModelScore.Result empty =
                    LanguageModelScore.score(lm, "lm", List.of(new int[0]), 8);
            assertTrue(empty.nllPerSentence() > 0 && empty.tokens() == 1);
            LanguageModelScore.Result both =
                    LanguageModelScore.score(lm, "lm", List.of(ids, new int[0]), 8);
            assertEquals(
                    (scored.nllPerSentence() + empty.nllPerSentence()) / 2,
                    both.nllPerSentence(),
                    1e-4);
        }
    }

    @Test
    void anLmOfAnotherVocabularyOrKindIsRefusedInOneLine() {
        try (Vocabulary vocabulary = TinyModels.vocabulary();
                Vocabulary other =
                        Vocabulary.fromJson(
                                new VocabularyBuilder(
                                                new VocabularyOptions(
                                                        Segmentation.CHARACTER, 1, 100))
                                        .addAll(List.of("床前明月光", "疑是地上霜"))
                                        .toJson())) {
            Checkpoint foreign = checkpoint(ModelKind.LM, other, 1);
            TextvaeException differs =
                    assertThrows(
                            TextvaeException.class,
                            () ->
                                    LanguageModelScore.requireCompatible(
                                            foreign, "runs/lm", vocabulary.toJson()));
            assertTrue(differs.getMessage().contains("another vocabulary"), differs.getMessage());
            Checkpoint vae = checkpoint(ModelKind.VAE, vocabulary, 1);
            TextvaeException notLm =
                    assertThrows(
                            TextvaeException.class,
                            () ->
                                    LanguageModelScore.requireCompatible(
                                            vae, "runs/vae", vocabulary.toJson()));
            assertTrue(notLm.getMessage().contains("not a language model"), notLm.getMessage());
        }
    }

    @Test
    void evaluationReportsTcWellFormednessAndLmNllOfPriorSamples() {
        try (Vocabulary vocabulary = TinyModels.vocabulary()) {
            List<String> lines = TinyModels.LINES;
            Corpus corpus =
                    new Corpus("tiny", lines.subList(0, 14), List.of(), lines.subList(14, 20), 0);
            EvaluationOptions options = new EvaluationOptions(Split.TEST, 3, 12, 1, 0, 8);
            LanguageModelScore.Reference lm =
                    new LanguageModelScore.Reference(checkpoint(ModelKind.LM, vocabulary, 5), "lm");
            EvaluationReport vae =
                    ModelEvaluator.evaluate(
                                    checkpoint(ModelKind.VAE, vocabulary, 3),
                                    "vae",
                                    corpus,
                                    options,
                                    lm)
                            .report();
            assertTrue(Double.isFinite(vae.tc()));
            assertEquals("posterior", vae.totalCorrelation().method());
            assertTrue(Double.isNaN(vae.discriminatorTc()), "no discriminator in this checkpoint");
            assertTrue(vae.samplesLmNll() > 0 && vae.samplesLmNllPerToken() > 0);
            assertFalse(Double.isNaN(vae.validFormRate()));
            assertEquals("lm", vae.columns().get("lm"));
            assertTrue(vae.table().contains("NLL under the LM"));

            EvaluationReport ae =
                    ModelEvaluator.evaluate(
                                    checkpoint(ModelKind.AE, vocabulary, 3),
                                    "ae",
                                    corpus,
                                    options,
                                    null)
                            .report();
            assertEquals("kernel", ae.totalCorrelation().method());
            assertTrue(Double.isFinite(ae.tc()));
            assertEquals("", ae.columns().get("prior_lm_nll"));
        }
    }
}
