package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that ends before its KL weight arrives is warned at its start, once, in one line. */
class AnnealingCheckTest {

    @Test
    void theDefaultScheduleOnAShortRunIsWarnedAbout() {
        String warning = AnnealingCheck.warning(new KlSchedule.Logistic(2500, 0.0025), 400);
        assertTrue(
                warning.startsWith(
                        "warning: with --kl-schedule logistic:2500:0.0025 the KL weight reaches"
                                + " only 1% of its final value by the last of the run's 400"
                                + " steps"),
                warning);
        assertTrue(warning.endsWith("--kl-schedule linear:200, trains a VAE"), warning);
    }

    @Test
    void schedulesThatArriveInTimeAreNot() {
        assertNull(AnnealingCheck.warning(new KlSchedule.Logistic(2500, 0.0025), 5000));
        assertNull(AnnealingCheck.warning(new KlSchedule.Linear(200), 400));
        assertNull(AnnealingCheck.warning(new KlSchedule.Constant(), 1));
        assertNull(AnnealingCheck.warning(new KlSchedule.Cyclical(100, 0.5), 120));
        assertTrue(AnnealingCheck.warning(new KlSchedule.Linear(400), 100) != null);
        assertTrue(AnnealingCheck.warning(new KlSchedule.Cyclical(1000, 0.5), 100) != null);
    }

    @Test
    void aRunSaysItOnceAtItsStart(@TempDir Path dir) throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        List<String> lines = new ArrayList<>();
        TrainConfig late =
                TinyCorpus.training(1, 3, 1e-3f, 0, new KlSchedule.Logistic(2500, 0.0025));
        TrainingRun.start(tiny.job(dir.resolve("late"), late), lines::add, false);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("warning: with --kl")).count());
        lines.clear();
        TrainConfig soon = TinyCorpus.training(1, 3, 1e-3f, 0, new KlSchedule.Linear(2));
        TrainingRun.start(tiny.job(dir.resolve("soon"), soon), lines::add, false);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("warning")), lines.toString());
    }
}
