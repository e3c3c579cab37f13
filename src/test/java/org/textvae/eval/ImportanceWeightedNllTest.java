package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.vocab.Vocabulary;

/**
 * The IW bound of Burda et al. (2016) on a tiny VAE trained for a few dozen steps: never above the
 * −ELBO, no worse with more samples, independent of how rows are chunked; exact for an LM.
 */
class ImportanceWeightedNllTest {

    private static NDManager manager;
    private static Vocabulary vocabulary;
    private static List<int[]> sentences;
    private static SentenceVaeNetwork trained;

    @BeforeAll
    static void train() {
        manager = NDManager.newBaseManager();
        vocabulary = TinyModels.vocabulary();
        sentences = TinyModels.ids(vocabulary, TinyModels.LINES);
        trained =
                TinyModels.train(
                        TinyModels.network(manager, ModelKind.VAE, vocabulary.size(), 17),
                        manager,
                        sentences,
                        60);
    }

    @AfterAll
    static void close() {
        vocabulary.close();
        manager.close();
    }

    private static double iw(int k, long seed) {
        return ImportanceWeightedNll.estimate(
                        trained,
                        manager,
                        sentences,
                        TinyModels.SPECIALS,
                        k,
                        seed,
                        ImportanceWeightedNll.DEFAULT_ROWS)
                .nll();
    }

    /** The −ELBO averaged over many single-draw evaluations: its expectation, nearly. */
    private static double negativeElbo(SentenceVaeNetwork network) {
        double sum = 0;
        int seeds = 20;
        for (int seed = 0; seed < seeds; seed++) {
            sum +=
                    ElboEvaluator.evaluate(
                                    network, manager, sentences, TinyModels.SPECIALS, seed, 8)
                            .negativeElbo();
        }
        return sum / seeds;
    }

    @Test
    void iwNllIsNeverAboveTheElbo() {
        double elbo = negativeElbo(trained);
        for (int k : new int[] {1, 5, 50}) {
            double nll = iw(k, 3);
            // k = 1 is itself a one-draw −ELBO estimate (with a sampled KL), hence the tolerance.
            assertTrue(
                    nll <= elbo + (k == 1 ? 0.5 : 0.01),
                    "IW NLL k=" + k + " " + nll + " vs −ELBO " + elbo);
        }
        assertTrue(iw(50, 3) < elbo - 0.05, "a trained VAE has a visible bound gap");
    }

    @Test
    void moreSamplesNeverMakeItWorse() {
        double few = 0;
        double many = 0;
        for (long seed = 0; seed < 3; seed++) {
            few += iw(5, seed) / 3;
            many += iw(50, seed) / 3;
        }
        assertTrue(many <= few + 0.01, "k=50 " + many + " vs k=5 " + few);
    }

    @Test
    void chunkingAndBatchingDoNotChangeTheEstimate() {
        double wide = iw(12, 9);
        double narrow =
                ImportanceWeightedNll.estimate(
                                trained, manager, sentences, TinyModels.SPECIALS, 12, 9, 5)
                        .nll();
        assertEquals(wide, narrow, 1e-4);
    }

    @Test
    void perplexityCountsEosTokens() {
        ImportanceWeightedNll.Result result =
                ImportanceWeightedNll.estimate(
                        trained, manager, sentences, TinyModels.SPECIALS, 4, 1, 64);
        long tokens = sentences.stream().mapToLong(s -> s.length + 1).sum();
        assertEquals(tokens, result.tokens());
        assertEquals(Math.exp(result.nll() * sentences.size() / tokens), result.perplexity(), 1e-9);
    }

    @Test
    void forALanguageModelItIsTheExactNll() {
        SentenceVaeNetwork lm = TinyModels.network(manager, ModelKind.LM, vocabulary.size(), 5);
        double exact =
                ElboEvaluator.evaluate(lm, manager, sentences, TinyModels.SPECIALS, 0, 8)
                        .reconstruction();
        ImportanceWeightedNll.Result result =
                ImportanceWeightedNll.estimate(
                        lm, manager, sentences, TinyModels.SPECIALS, 500, 0, 64);
        assertEquals(1, result.samples());
        assertEquals(exact, result.nll(), 1e-4);
    }

    @Test
    void anAutoencoderHasNoDensity() {
        SentenceVaeNetwork ae = TinyModels.network(manager, ModelKind.AE, vocabulary.size(), 5);
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ImportanceWeightedNll.estimate(
                                ae, manager, sentences, TinyModels.SPECIALS, 5, 0, 64));
    }

    @Test
    void progressIsReportedBatchByBatchUpToEverySentence() {
        List<int[]> calls = new ArrayList<>();
        // Few rows per pass, so the sentences take several batches.
        ImportanceWeightedNll.estimate(
                trained,
                manager,
                sentences,
                TinyModels.SPECIALS,
                4,
                1,
                8,
                (done, total) -> calls.add(new int[] {done, total}));
        assertTrue(calls.size() > 1, "one call for " + sentences.size() + " sentences");
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(sentences.size(), calls.get(i)[1]);
            assertTrue(i == 0 || calls.get(i)[0] > calls.get(i - 1)[0], "not increasing");
        }
        assertEquals(sentences.size(), calls.get(calls.size() - 1)[0]);
    }
}
