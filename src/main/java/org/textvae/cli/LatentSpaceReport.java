package org.textvae.cli;

import java.nio.file.Path;
import org.textvae.eval.Fidelity;
import org.textvae.eval.LatentSpaceFigures;
import org.textvae.eval.SampleQuality;

/**
 * Prints {@link SampleQuality} and {@link LatentSpaceFigures} as {@code textvae quality} shows
 * them.
 */
final class LatentSpaceReport {

    private LatentSpaceReport() {}

    /** The first figures of {@code quality}: poem lines, novelty, variety, interpolation paths. */
    static void print(SampleQuality.Report r) {
        System.out.printf(
                "poem lines of valid form (exact length, no <unk>): %.1f%% of %d%n",
                100 * r.validFormRate(), r.poemLines());
        System.out.printf(
                "novel samples (not a training line): %.1f%% of %d%n",
                100 * r.noveltyRate(), r.samples());
        System.out.printf(
                "distinct lines per batch of 100: mean %.1f%%, lowest %.1f%%%n",
                100 * r.distinctPer100(), 100 * r.minDistinctPer100());
        System.out.printf(
                "interpolation, %d pairs of held-out lines, 7 steps: %.2f distinct"
                        + " interior lines on average; %.1f%% of paths with at least 3;"
                        + " ends equal reconstructions in %.1f%%%n",
                r.pairs(),
                r.meanDistinctInterior(),
                100 * r.pairsWithThreeDistinct(),
                100 * r.endpointsMatchRate());
    }

    static void print(LatentSpaceFigures.Report r, Path corpus, Path unseen) {
        reconstruction("held-out lines of " + corpus, r.heldOut());
        if (r.unseen() != null) {
            reconstruction("lines of " + unseen, r.unseen());
        }
        paths(r.paths(), "");
        LatentSpaceFigures.Samples s = r.samples();
        System.out.printf(
                "prior samples (%d, no length forced): natural length %.1f%%, novel %.1f%%,"
                        + " distinct-2 %.3f%n",
                s.count(), 100 * s.naturalForm(), 100 * s.novelty(), s.distinct2());
        System.out.printf(
                "characters in place shared with the closest training line: prior samples %.1f%%,"
                        + " held-out lines %.1f%%%n",
                100 * s.closeness(), 100 * s.realCloseness());
        if (!Double.isNaN(s.lmNllPerToken())) {
            System.out.printf(
                    "language-model NLL per token: prior samples %.3f, held-out lines %.3f"
                            + " (%+.1f%%)%n",
                    s.lmNllPerToken(),
                    s.realLmNllPerToken(),
                    100 * (s.lmNllPerToken() / s.realLmNllPerToken() - 1));
        }
        LatentSpaceFigures.Timing t = r.timing();
        System.out.printf(
                "time, warm: reconstructing %d lines %.2f s, generating as many %.2f s (ratio %.2f);"
                        + " one 7-step interpolation %.1f ms (median)%n",
                r.heldOut().lines(),
                t.reconstructSeconds(),
                t.generateSeconds(),
                t.reconstructSeconds() / t.generateSeconds(),
                t.interpolateMillis());
    }

    /**
     * The figures again with each line read another way, {@code by} (for example {@code --beam 4}).
     */
    static void printAgain(
            String how,
            double seconds,
            Fidelity.Reconstruction heldOut,
            Fidelity.Reconstruction outside,
            Fidelity.Paths paths,
            Path corpus,
            Path unseen) {
        String by = " (" + how + ")";
        reconstruction("held-out lines of " + corpus + by, heldOut);
        if (outside != null) {
            reconstruction("lines of " + unseen + by, outside);
        }
        paths(paths, by);
        System.out.printf("time%s: reconstructing %d lines %.2f s%n", by, heldOut.lines(), seconds);
    }

    private static void paths(Fidelity.Paths p, String by) {
        System.out.printf(
                "interpolation%s, %d pairs, %d steps: first line = FROM %.1f%%, last = TO %.1f%%,"
                        + " both %.1f%%; %.2f distinct lines on average, %.1f%% with at least 5;"
                        + " every line of FROM's length in %.1f%% of %d same-length pairs%n",
                by,
                p.pairs(),
                p.steps(),
                100 * p.startsAtFrom(),
                100 * p.endsAtTo(),
                100 * p.bothEnds(),
                p.meanDistinct(),
                100 * p.fiveOrMoreDistinct(),
                100 * p.lengthKept(),
                p.sameLengthPairs());
    }

    private static void reconstruction(String what, Fidelity.Reconstruction r) {
        System.out.printf(
                "reconstruction of %d %s: exact %.1f%%, characters in place %.1f%%,"
                        + " length kept %.1f%%%n",
                r.lines(),
                what,
                100 * r.exactRate(),
                100 * r.charactersInPlace(),
                100 * r.lengthKept());
    }
}
