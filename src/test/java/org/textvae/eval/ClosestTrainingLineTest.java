package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Closeness to the training lines, position by position, within one length. */
class ClosestTrainingLineTest {

    private final ClosestTrainingLine closest =
            new ClosestTrainingLine(List.of("白日依山盡", "黃河入海流", "欲窮千里目更上", "𠀀日依山流"));

    @Test
    void aTrainingLineIsWhollyCloseAndAChangedOneByWhatItKeeps() {
        assertEquals(1.0, closest.closeness("黃河入海流"));
        assertEquals(0.8, closest.closeness("白日依山流"), 1e-12);
        // The characters must be in place: the same characters shifted share nothing.
        assertEquals(0.0, closest.closeness("流黃河入海"));
    }

    @Test
    void theClosestLineWinsNotTheSumOverLines() {
        // Two characters from 白日依山盡 and two from 黃河入海流: the closest shares two of five.
        assertEquals(0.4, closest.closeness("白日入海春"), 1e-12);
        // Characters outside the basic plane count as one each.
        assertEquals(0.4, closest.closeness("𠀀日春秋冬"), 1e-12);
    }

    @Test
    void otherLengthsAndEmptyLinesShareNothing() {
        assertEquals(0.0, closest.closeness("白日依山盡春"));
        assertEquals(0.0, closest.closeness(""));
        assertEquals((1 + 2.0 / 7) / 2, closest.meanCloseness(List.of("黃河入海流", "欲窮春秋冬夏秋")), 1e-12);
        assertEquals(Double.NaN, closest.meanCloseness(List.of()));
    }
}
