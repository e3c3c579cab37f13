package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Distinct-n, BLEU and self-BLEU, novelty and poem form on hand-made inputs with known values. */
class SampleMetricsTest {

    @Test
    void distinctCountsUniqueOverTotalNgrams() {
        List<int[]> samples = List.of(new int[] {1, 2, 3}, new int[] {1, 2, 4});
        // Unigrams 1 2 3 1 2 4: 4 distinct of 6. Bigrams 12 23 12 24: 3 distinct of 4.
        assertEquals(4 / 6.0, SampleDiversity.distinct(samples, 1), 1e-12);
        assertEquals(3 / 4.0, SampleDiversity.distinct(samples, 2), 1e-12);
        assertTrue(Double.isNaN(SampleDiversity.distinct(List.of(new int[] {1}), 2)));
    }

    @Test
    void bleuOfAnIdenticalReferenceIsOne() {
        int[] line = {1, 2, 3, 4, 5};
        assertEquals(1.0, SelfBleu.bleu(line, List.of(line, new int[] {9, 9})), 1e-12);
    }

    @Test
    void bleuMatchesTheDefinitionOnAnOverlap() {
        // Hypothesis 1 2 3 4 5 against 1 2 3 4 6: precisions 4/5, 3/4, 2/3, 1/2, equal lengths
        // (no brevity penalty): BLEU = (4/5 · 3/4 · 2/3 · 1/2)^¼ = (1/5)^¼.
        double bleu = SelfBleu.bleu(new int[] {1, 2, 3, 4, 5}, List.of(new int[] {1, 2, 3, 4, 6}));
        assertEquals(Math.pow(0.2, 0.25), bleu, 1e-12);
    }

    @Test
    void bleuAppliesTheBrevityPenaltyAndSmoothing() {
        // Hypothesis 1 2 3 (c = 3) against 1 2 3 7 8 (r = 5): precisions 3/3, 2/2, 1/1 and, with
        // no 4-gram at all, 0.1/1 (smoothed); BP = exp(1 − 5/3).
        double bleu = SelfBleu.bleu(new int[] {1, 2, 3}, List.of(new int[] {1, 2, 3, 7, 8}));
        assertEquals(Math.exp(1 - 5 / 3.0) * Math.pow(0.1, 0.25), bleu, 1e-12);
        assertEquals(0.0, SelfBleu.bleu(new int[] {1, 2}, List.of(new int[] {5, 6})), 0.0);
    }

    @Test
    void selfBleuOfTwoCopiesAndAStrangerIsTwoThirds() {
        int[] line = {1, 2, 3, 4, 5};
        List<int[]> samples = List.of(line, line.clone(), new int[] {6, 7, 8, 9, 10});
        assertEquals(2 / 3.0, SelfBleu.selfBleu(samples, 500, 1), 1e-12);
    }

    @Test
    void fastSelfBleuEqualsBleuOfEachSampleAgainstTheOthers() {
        SplittableRandom random = new SplittableRandom(4);
        List<int[]> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int[] line = new int[3 + random.nextInt(5)];
            for (int t = 0; t < line.length; t++) {
                line[t] = random.nextInt(6);
            }
            samples.add(line);
        }
        double direct = 0;
        for (int i = 0; i < samples.size(); i++) {
            List<int[]> others = new ArrayList<>(samples);
            others.remove(i);
            direct += SelfBleu.bleu(samples.get(i), others);
        }
        assertEquals(direct / samples.size(), SelfBleu.selfBleu(samples, 500, 1), 1e-12);
    }

    @Test
    void noveltyIsTheShareOfSamplesOutsideTraining() {
        List<String> samples = List.of("春山夜月明", "江水向東流", "新句子新句", "新句子新句");
        assertEquals(0.5, SampleDiversity.novelty(samples, Set.of("春山夜月明", "江水向東流")), 1e-12);
    }

    @Test
    void validFormNeedsFiveOrSevenKnownCharactersWithoutTriples() {
        assertTrue(PoemForm.isValidLine("春山夜月明"));
        assertTrue(PoemForm.isValidLine("春風吹柳新色明"));
        assertTrue(PoemForm.isValidLine("花開花花落"), "a character twice in a row is allowed");
        assertFalse(PoemForm.isValidLine("花花花開落"), "three in a row");
        assertFalse(PoemForm.isValidLine("春山夜月"), "four characters");
        assertFalse(PoemForm.isValidLine("春山夜月明白"), "six characters");
        assertFalse(PoemForm.isValidLine("春<unk>夜月明"));
        assertEquals(0.5, PoemForm.validRate(List.of("春山夜月明", "春山")), 1e-12);
    }

    @Test
    void poemCorpusMeansEveryTrainingLineIsFiveOrSevenLong() {
        assertTrue(PoemForm.isPoemCorpus(TinyModels.LINES));
        assertFalse(PoemForm.isPoemCorpus(List.of("春山夜月明", "the cat sat")));
        assertFalse(PoemForm.isPoemCorpus(List.of()));
    }
}
