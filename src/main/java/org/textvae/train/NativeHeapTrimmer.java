package org.textvae.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Hands the allocator's free pages back to the system every so often during training.
 *
 * <p>libtorch takes its tensors from glibc's malloc. Batch shapes vary, so the arenas end up with
 * free holes between live blocks, and glibc returns only the free memory at an arena's top: without
 * trimming, a run's resident memory climbs in steps over thousands of steps. The JVM's {@code
 * System.trim_native_heap} diagnostic command (JDK 17.0.9 and later) runs {@code malloc_trim},
 * which returns every free page. Where the command does not exist (older JDKs, other C libraries)
 * trimming is switched off after the first try and costs nothing.
 */
public final class NativeHeapTrimmer {

    /** How often a training loop trims: rarely enough that the pages it returns are cheap. */
    public static final long DEFAULT_INTERVAL_NANOS = 5_000_000_000L;

    private static final String OPERATION = "systemTrimNativeHeap";

    private final long intervalNanos;
    private final LongSupplier clock;
    private final BooleanSupplier trim;
    private long lastTrim;
    private boolean available = true;
    private int trims;

    /**
     * Runs {@code trim} at most once per {@code intervalNanos} of {@code clock}; {@code trim}
     * answers whether it could trim, and once it cannot it is not asked again.
     */
    NativeHeapTrimmer(long intervalNanos, LongSupplier clock, BooleanSupplier trim) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("interval must not be negative: " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.trim = trim;
        this.lastTrim = clock.getAsLong();
    }

    /**
     * A trimmer of this process's C heap, on the system clock, every {@link
     * #DEFAULT_INTERVAL_NANOS}.
     */
    /** A trimmer that never trims, for a loop measured without trims. */
    public static NativeHeapTrimmer never() {
        return new NativeHeapTrimmer(Long.MAX_VALUE, System::nanoTime, () -> false);
    }

    public static NativeHeapTrimmer everyFewSeconds() {
        return new NativeHeapTrimmer(
                DEFAULT_INTERVAL_NANOS, System::nanoTime, NativeHeapTrimmer::trimProcessHeap);
    }

    /** Call between steps, when the step's arrays are closed: trims if the interval has passed. */
    public void afterStep() {
        if (available && clock.getAsLong() - lastTrim >= intervalNanos) {
            trimNow();
        }
    }

    /** Trims at once (after a validation pass, whose larger batches raise the high-water mark). */
    public void trimNow() {
        if (!available) {
            return;
        }
        lastTrim = clock.getAsLong();
        available = trim.getAsBoolean();
        if (available) {
            trims++;
        }
    }

    /** Trims done so far; stays 0 where the JVM cannot trim. */
    public int trims() {
        return trims;
    }

    /** Whether this JVM can trim (false once a try has failed). */
    public boolean available() {
        return available;
    }

    /** Runs {@code malloc_trim} in this process through the JVM; false where it cannot. */
    static boolean trimProcessHeap() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            Object output =
                    server.invoke(
                            commands,
                            OPERATION,
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            // Where the C library cannot trim, the command exists but answers "Not available".
            String answer = String.valueOf(output).strip().toLowerCase(Locale.ROOT);
            return !answer.isEmpty() && !answer.startsWith("not available");
        } catch (JMException | RuntimeException e) {
            return false;
        }
    }
}
