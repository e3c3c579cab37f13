package org.textvae.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;

/** The ci model packed into the jar writes every tune's lines at their lengths, rhyming. */
class ShippedCiModelTest {

    @Test
    void theShippedModelWritesTheMostUsedTunesWithFollowingLines() {
        TuneTable tunes = TuneTable.bundled();
        CiRhymes rhymes = CiRhymes.bundled();
        try (SentenceVae vae = SentenceVae.loadCiModel()) {
            CiWriter writer = new CiWriter(vae, rhymes);
            assertTrue(
                    writer.canFollowLines(), "the ci model holds kept posteriors and a succession");
            for (Tune tune : tunes.tunes().subList(0, 5)) {
                List<WrittenCi> written = writer.write(tune, 8, null, 2026, true);
                int natural = 0;
                for (WrittenCi ci : written) {
                    natural += ci.forced() == 0 ? 1 : 0;
                    for (int i = 0; i < tune.lines().size(); i++) {
                        String line = ci.lines().get(i);
                        assertEquals(
                                tune.lines().get(i).length(),
                                line.codePointCount(0, line.length()),
                                ci.text());
                        if (tune.lines().get(i).rhymes()) {
                            assertTrue(
                                    rhymes.groupsOf(line.codePointBefore(line.length()))
                                            .contains(ci.rhymeGroup()),
                                    ci.text());
                        }
                    }
                }
                // The model ends every line itself (all 2,000 ci of the figures).
                assertEquals(8, natural, tune.name() + ": " + natural + " of 8 natural");
            }
        }
    }

    @Test
    void aThemedCiHoldsItsWordFarMoreOftenThanAnUntargetedOne() {
        TuneTable tunes = TuneTable.bundled();
        try (SentenceVae vae = SentenceVae.loadCiModel()) {
            CiWriter writer = new CiWriter(vae, CiRhymes.bundled());
            Tune tune = TuneLookup.require(tunes, "临江仙");
            CiTheme moon = writer.theme("月");
            assertTrue(moon.theme().imagery().size() > 0, "月 has imagery among the kept lines");
            int themed = holding(writer.write(tune, 40, null, 11, true, moon), "月");
            int plain = holding(writer.write(tune, 40, null, 11, true, null), "月");
            assertTrue(
                    themed >= 2 * plain && themed >= 20, themed + " themed, " + plain + " plain");
            TextvaeException unknown =
                    assertThrows(TextvaeException.class, () -> writer.theme("𪚥"));
            assertEquals(TextvaeException.Kind.USAGE, unknown.kind());
        }
    }

    private static int holding(List<WrittenCi> written, String word) {
        return (int)
                written.stream()
                        .filter(ci -> ci.lines().stream().anyMatch(l -> l.contains(word)))
                        .count();
    }
}
