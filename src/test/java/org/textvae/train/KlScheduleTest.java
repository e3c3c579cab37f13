package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The KL weight schedules at chosen steps (Bowman et al.'s linear and logistic warm-ups, Fu et
 * al.'s cyclical one, and none), and their textual specs: each parses, writes itself back to an
 * equal schedule, and a malformed spec is refused rather than half read.
 */
class KlScheduleTest {

    private static final double EXACT = 1e-12;

    @Test
    void linearRisesFromZeroToOneOverItsStepsThenHolds() {
        KlSchedule linear = new KlSchedule.Linear(200);
        assertEquals(0.0, linear.weight(0), EXACT);
        assertEquals(0.25, linear.weight(50), EXACT);
        assertEquals(0.5, linear.weight(100), EXACT);
        assertEquals(1.0, linear.weight(200), EXACT);
        assertEquals(1.0, linear.weight(10_000), EXACT);
    }

    @Test
    void logisticIsOneHalfAtItsMidpointAndRisesMonotonically() {
        KlSchedule logistic = new KlSchedule.Logistic(100, 0.05);
        assertEquals(0.5, logistic.weight(100), EXACT);
        assertEquals(1 / (1 + Math.exp(5)), logistic.weight(0), EXACT);
        assertEquals(1 / (1 + Math.exp(-5)), logistic.weight(200), EXACT);
        for (long step = 1; step <= 400; step++) {
            assertTrue(logistic.weight(step) > logistic.weight(step - 1), "step " + step);
        }
        assertTrue(logistic.weight(2_000) > 0.999_999);
    }

    @Test
    void cyclicalRampsEachPeriodHoldsAtOneAndRestarts() {
        KlSchedule cyclical = new KlSchedule.Cyclical(100, 0.5);
        assertEquals(0.0, cyclical.weight(0), EXACT);
        assertEquals(0.5, cyclical.weight(25), EXACT);
        assertEquals(1.0, cyclical.weight(50), EXACT);
        assertEquals(1.0, cyclical.weight(99), EXACT);
        assertEquals(0.0, cyclical.weight(100), EXACT, "a new period starts from 0");
        assertEquals(0.5, cyclical.weight(125), EXACT);
        assertEquals(1.0, cyclical.weight(150), EXACT);
        assertEquals(0.0, cyclical.weight(300), EXACT);
    }

    @Test
    void cyclicalWithAFullRampReachesOneOnlyAtThePeriodsEnd() {
        KlSchedule cyclical = new KlSchedule.Cyclical(10, 1.0);
        assertEquals(0.9, cyclical.weight(9), EXACT);
        assertEquals(0.0, cyclical.weight(10), EXACT);
    }

    @Test
    void constantIsOneFromTheFirstStep() {
        KlSchedule constant = new KlSchedule.Constant();
        assertEquals(1.0, constant.weight(0), EXACT);
        assertEquals(1.0, constant.weight(123_456), EXACT);
    }

    @Test
    void parsesEverySpecWithItsNumbers() {
        assertEquals(new KlSchedule.Linear(300), KlSchedule.parse("linear:300"));
        assertEquals(
                new KlSchedule.Logistic(2500, 0.0025), KlSchedule.parse("logistic:2500:0.0025"));
        assertEquals(new KlSchedule.Cyclical(10_000, 0.5), KlSchedule.parse("cyclical:10000:0.5"));
        assertEquals(new KlSchedule.Constant(), KlSchedule.parse("constant"));
        assertEquals(new KlSchedule.Linear(7), KlSchedule.parse("  LINEAR:7 "));
    }

    @Test
    void specReadsBackAsAnEqualSchedule() {
        KlSchedule[] schedules = {
            new KlSchedule.Linear(123),
            new KlSchedule.Logistic(0, 1e-4),
            new KlSchedule.Logistic(4_000, 0.0025),
            new KlSchedule.Cyclical(1_000, 0.25),
            new KlSchedule.Cyclical(7, 1.0),
            new KlSchedule.Constant()
        };
        for (KlSchedule schedule : schedules) {
            KlSchedule again = KlSchedule.parse(schedule.spec());
            assertEquals(schedule, again, schedule.spec());
            assertEquals(schedule.weight(61), again.weight(61), EXACT, schedule.spec());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sigmoid:100",
                "linear:0",
                "linear:-5",
                "linear:ten",
                "linear:1.5",
                "logistic:-1:0.1",
                "logistic:100:0",
                "logistic:100:-0.1",
                "logistic:100:nan",
                "cyclical:0:0.5",
                "cyclical:100:0",
                "cyclical:100:1.5",
                "linear:100:7",
                "constant:1",
                "cyclical:100:0.5:3",
                "linear",
                "logistic",
                "logistic:1",
                "logistic:1:",
                "cyclical",
                "cyclical:100"
            })
    void invalidSpecIsRejected(String spec) {
        assertThrows(IllegalArgumentException.class, () -> KlSchedule.parse(spec));
    }

    @Test
    void rejectionSaysWhatIsWrong() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> KlSchedule.parse("sigmoid:9"));
        assertTrue(unknown.getMessage().contains("unknown"), unknown.getMessage());
        IllegalArgumentException extra =
                assertThrows(IllegalArgumentException.class, () -> KlSchedule.parse("linear:9:3"));
        assertTrue(extra.getMessage().contains("too many fields"), extra.getMessage());
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> KlSchedule.parse("logistic:1"));
        assertTrue(
                missing.getMessage().contains("too few fields")
                        && missing.getMessage().contains("logistic:MIDPOINT:RATE"),
                missing.getMessage());
    }
}
