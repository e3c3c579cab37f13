package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeHeapTrimmerTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void trimsOncePerIntervalBetweenSteps() {
        NativeHeapTrimmer trimmer = countingTrimmerEvery(100);
        clock.addAndGet(99);
        trimmer.afterStep();
        assertEquals(0, calls.get(), "trimmed before the interval had passed");
        clock.addAndGet(1);
        trimmer.afterStep();
        trimmer.afterStep();
        assertEquals(1, calls.get(), "one trim when the interval has passed, not one per step");
        clock.addAndGet(150);
        trimmer.afterStep();
        assertEquals(2, calls.get());
        assertEquals(2, trimmer.trims());
    }

    @Test
    void trimNowIgnoresTheIntervalAndRestartsIt() {
        NativeHeapTrimmer trimmer = countingTrimmerEvery(100);
        clock.addAndGet(10);
        trimmer.trimNow();
        assertEquals(1, calls.get());
        clock.addAndGet(95);
        trimmer.afterStep();
        assertEquals(1, calls.get(), "the interval counts from the last trim");
    }

    @Test
    void aTrimThatFailsIsNotTriedAgain() {
        NativeHeapTrimmer trimmer =
                new NativeHeapTrimmer(0, clock::get, () -> calls.incrementAndGet() < 0);
        trimmer.afterStep();
        trimmer.afterStep();
        trimmer.trimNow();
        assertEquals(1, calls.get());
        assertFalse(trimmer.available());
        assertEquals(0, trimmer.trims());
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new NativeHeapTrimmer(-1, clock::get, () -> true));
    }

    @Test
    void theJvmTrimsThisProcessOnLinuxWithGlibc() {
        // System.trim_native_heap came with JDK 17.0.9 and needs glibc; elsewhere it answers no.
        Runtime.Version version = Runtime.version();
        boolean recentJdk =
                version.feature() > 17 || version.update() >= 9 || version.interim() > 0;
        boolean glibc = mapped("libc.so.6");
        assumeTrue(recentJdk && glibc, "no System.trim_native_heap here");
        assertTrue(NativeHeapTrimmer.trimProcessHeap());
    }

    /** A trimmer on the fake clock whose trims always succeed and are counted in {@code calls}. */
    private NativeHeapTrimmer countingTrimmerEvery(long intervalNanos) {
        return new NativeHeapTrimmer(intervalNanos, clock::get, () -> calls.incrementAndGet() > 0);
    }

    private static boolean mapped(String library) {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains(library);
        } catch (IOException e) {
            return false;
        }
    }
}
