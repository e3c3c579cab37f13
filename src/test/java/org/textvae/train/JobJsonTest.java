package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Run folders written before an option existed still load, with the option off. */
class JobJsonTest {

    @Test
    void aJobWithoutDropoutOrPlateauSettingsReadsThemAsOff() throws Exception {
        // The 3-epoch model's record predates --dropout, --recurrent-dropout, --keep-epochs and
        // --lr-decay.
        String json = Files.readString(Path.of("models/tang-default/fb0.2-3-epochs/config.json"));
        TrainingJob job = JobJson.GSON.fromJson(json, TrainingJob.class);
        assertEquals(0f, job.training().dropout());
        assertEquals(0f, job.training().recurrentDropout());
        assertFalse(job.training().keepEpochs());
        assertEquals(PlateauDecay.OFF, job.training().plateau());
        assertEquals(0.2f, job.training().freeBits());

        TrainingJob again = JobJson.GSON.fromJson(JobJson.GSON.toJson(job), TrainingJob.class);
        assertEquals(job.training(), again.training());
    }

    @Test
    void aStateWithoutADecayCountReadsItAsZero() {
        String json =
                "{\"epoch\":2,\"batchInEpoch\":5,\"step\":40,\"bestValidElbo\":30.5,"
                        + "\"bestStep\":36,\"seconds\":12.0}";
        TrainingState state = JobJson.GSON.fromJson(json, TrainingState.class);
        assertEquals(new TrainingState(2, 5, 40, 30.5, 36, 12.0, 0), state);
    }
}
