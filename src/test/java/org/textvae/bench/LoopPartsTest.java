package org.textvae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.textvae.train.NativeHeapTrimmer;
import org.textvae.train.TrainConfig;

/** The benchmark's switches change only what they name, and real runs keep every part. */
class LoopPartsTest {

    @Test
    void blankMeansTheWholeLoop() {
        assertEquals(EnumSet.allOf(LoopParts.class), LoopParts.allWithout(""));
        assertEquals(EnumSet.allOf(LoopParts.class), LoopParts.allWithout(null));
    }

    @Test
    void namedPartsAreSwitchedOff() {
        assertEquals(EnumSet.of(LoopParts.TRIMS), LoopParts.allWithout("word-dropout, clipping"));
        assertEquals(Set.of(), LoopParts.allWithout("word-dropout,clipping,trims"));
    }

    @Test
    void anUnknownPartIsRefusedByName() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> LoopParts.allWithout("adam"));
        assertTrue(error.getMessage().contains("'adam'"), error.getMessage());
    }

    @Test
    void configLosesOnlyThePartsSwitchedOff() {
        TrainConfig defaults = TrainConfig.defaults();
        assertTrue(defaults.wordDropout() > 0 && defaults.clipNorm() > 0);

        TrainConfig noDropout = LoopParts.applyTo(defaults, LoopParts.allWithout("word-dropout"));
        assertEquals(0, noDropout.wordDropout());
        assertEquals(defaults.clipNorm(), noDropout.clipNorm());

        TrainConfig noClipping = LoopParts.applyTo(defaults, LoopParts.allWithout("clipping"));
        assertEquals(0, noClipping.clipNorm());
        assertEquals(defaults.wordDropout(), noClipping.wordDropout());

        assertEquals(defaults, LoopParts.applyTo(defaults, LoopParts.all()));
    }

    @Test
    void aTrimmerSwitchedOffNeverTrims() {
        NativeHeapTrimmer off = LoopParts.trimmer(LoopParts.allWithout("trims"));
        for (int i = 0; i < 3; i++) {
            off.afterStep();
        }
        assertEquals(0, off.trims());
    }
}
