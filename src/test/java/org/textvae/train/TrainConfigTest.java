package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void builderStartsFromTheDefaults() {
        assertEquals(TrainConfig.defaults(), TrainConfig.builder().build());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        TrainConfig changed = TrainConfig.builder().beta(4f).seed(7).build();
        assertEquals(4f, changed.beta());
        assertEquals(7, changed.seed());
        assertNotEquals(TrainConfig.defaults(), changed);
        TrainConfig back = changed.toBuilder().beta(1f).seed(42).build();
        assertEquals(TrainConfig.defaults(), back);
    }

    @Test
    void withersKeepTheRest() {
        TrainConfig base =
                TrainConfig.builder().dropout(0.5f).plateau(new PlateauDecay(0.5f, 3)).build();
        TrainConfig shorter = base.withEpochs(2).withMaxSteps(99);
        assertEquals(2, shorter.epochs());
        assertEquals(99, shorter.maxSteps());
        assertEquals(base, shorter.withEpochs(base.epochs()).withMaxSteps(base.maxSteps()));
    }

    @Test
    void builderValidatesWhatItBuilds() {
        TrainConfig.Builder builder = TrainConfig.builder().dropout(1f);
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("dropout must be in [0, 1)", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().epochs(0).build());
        IllegalArgumentException recurrent =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainConfig.builder().recurrentDropout(-0.1f).build());
        assertEquals("recurrent dropout must be in [0, 1)", recurrent.getMessage());
    }

    @Test
    void missingPlateauReadsAsOff() {
        assertEquals(PlateauDecay.OFF, TrainConfig.builder().plateau(null).build().plateau());
    }
}
