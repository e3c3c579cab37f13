package org.textvae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window peaks and floors: a saw-tooth (memory taken, then trimmed) reads flat whichever tooth a
 * single sample hits, while a climb lifts both.
 */
class WindowedExtremesTest {

    @Test
    void aSawToothIsFlatWhereSingleSamplesAreNot() {
        WindowedExtremes windows = new WindowedExtremes();
        double[] tooth = {1300, 1500, 1700, 1350};
        for (int window = 0; window < 3; window++) {
            for (double value : tooth) {
                windows.add(value);
            }
            windows.endWindow();
        }
        assertEquals(List.of(1700.0, 1700.0, 1700.0), windows.peaks());
        assertEquals(List.of(1300.0, 1300.0, 1300.0), windows.floors());
        assertEquals(0, WindowedExtremes.growthPercent(windows.peaks()), 1e-12);
    }

    @Test
    void aClimbLiftsPeaksAndFloors() {
        WindowedExtremes windows = new WindowedExtremes();
        for (int window = 0; window < 4; window++) {
            for (int step = 0; step < 10; step++) {
                windows.add(1000 + 10 * (10 * window + step));
            }
            windows.endWindow();
        }
        assertEquals(List.of(1090.0, 1190.0, 1290.0, 1390.0), windows.peaks());
        assertEquals(List.of(1000.0, 1100.0, 1200.0, 1300.0), windows.floors());
        assertEquals(30, WindowedExtremes.growthPercent(windows.floors()), 1e-9);
        assertTrue(WindowedExtremes.growthPercent(windows.peaks()) > 5);
    }

    @Test
    void unreadableValuesAreSkippedAndEmptyWindowsAreNaN() {
        WindowedExtremes windows = new WindowedExtremes();
        windows.add(Double.NaN);
        windows.add(800);
        windows.endWindow();
        windows.endWindow();
        assertEquals(800.0, windows.peaks().get(0));
        assertTrue(Double.isNaN(windows.peaks().get(1)));
        assertTrue(Double.isNaN(WindowedExtremes.growthPercent(windows.floors())));
        assertTrue(Double.isNaN(WindowedExtremes.growthPercent(List.of())));
    }
}
