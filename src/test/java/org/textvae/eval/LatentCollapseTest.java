package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.vocab.Vocabulary;

/**
 * The figures that diagnose posterior collapse (He et al. 2019) on a VAE forced into collapse
 * (q(z|x) = N(0, I) for every x, and a decoder that ignores z) and on one trained for a few dozen
 * steps: KL, the IW NLL against the ELBO, mutual information and active units.
 */
class LatentCollapseTest {

    private static NDManager manager;
    private static Vocabulary vocabulary;
    private static List<int[]> sentences;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        vocabulary = TinyModels.vocabulary();
        sentences = TinyModels.ids(vocabulary, TinyModels.LINES);
    }

    @AfterAll
    static void close() {
        vocabulary.close();
        manager.close();
    }

    @Test
    void collapsedModelHasNoKlNoGapNoInformationAndNoActiveUnits() {
        SentenceVaeNetwork collapsed =
                TinyModels.collapse(
                        TinyModels.network(manager, ModelKind.VAE, vocabulary.size(), 23));
        ElboEvaluator.Report elbo =
                ElboEvaluator.evaluate(collapsed, manager, sentences, TinyModels.SPECIALS, 1, 8);
        assertEquals(0, elbo.kl(), 1e-6);
        assertEquals(0, elbo.activeUnits());
        double nll =
                ImportanceWeightedNll.estimate(
                                collapsed, manager, sentences, TinyModels.SPECIALS, 50, 2, 512)
                        .nll();
        // Every importance weight is p(x): the bound is tight, up to float rounding.
        assertEquals(elbo.negativeElbo(), nll, 1e-3);
        // 2,000 rows (the corpus 100 times) keep the estimator's sampling noise near 0.03.
        PosteriorPass.Result pass =
                PosteriorPass.run(
                        collapsed,
                        manager,
                        TinyModels.repeat(sentences, 100),
                        TinyModels.SPECIALS,
                        256);
        double mi = MutualInformation.estimate(pass.means(), pass.logVariances(), 10_000, 4);
        assertTrue(Math.abs(mi) < 0.15, "MI of a collapsed model: " + mi);
        assertEquals(0, ActiveUnits.count(pass.means(), ElboEvaluator.ACTIVE_UNIT_THRESHOLD));
    }

    @Test
    void trainedModelCarriesInformationInActiveUnits() {
        SentenceVaeNetwork trained =
                TinyModels.train(
                        TinyModels.network(manager, ModelKind.VAE, vocabulary.size(), 23),
                        manager,
                        sentences,
                        60);
        ElboEvaluator.Report elbo =
                ElboEvaluator.evaluate(trained, manager, sentences, TinyModels.SPECIALS, 1, 8);
        assertTrue(elbo.kl() > 0.5, "KL " + elbo.kl());
        assertTrue(elbo.activeUnits() > 0, "active units " + elbo.activeUnits());
        PosteriorPass.Result pass =
                PosteriorPass.run(
                        trained,
                        manager,
                        TinyModels.repeat(sentences, 100),
                        TinyModels.SPECIALS,
                        256);
        double mi = MutualInformation.estimate(pass.means(), pass.logVariances(), 10_000, 4);
        assertTrue(mi > 0.3, "MI of a trained model: " + mi);
        assertTrue(pass.tokenAccuracy() > 0 && pass.tokenAccuracy() <= 1);
    }
}
