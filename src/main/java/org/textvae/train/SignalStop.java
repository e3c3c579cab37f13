package org.textvae.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a TERM or INT signal (kill, Ctrl-C) end a run between two steps. Without it the JVM ran
 * PyTorch's exit handlers while the training thread was still inside a backward pass, and the
 * process died of a segmentation fault with a crash report in the working folder. The shutdown hook
 * asks the loop to stop and waits until the run has closed its native resources.
 */
final class SignalStop implements AutoCloseable {

    /** Longest wait for the run to let go: a step, or a validation pass already under way. */
    private static final long WAIT_SECONDS = 120;

    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook = new Thread(this::requestAndWait, "textvae-stop");
    private volatile boolean requested;

    SignalStop() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the process is shutting down and the loop should stop at the next step. */
    boolean requested() {
        return requested;
    }

    /** The hook's work: ask for the stop, then hold the exit until {@link #close()}. */
    void requestAndWait() {
        requested = true;
        try {
            released.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called when the run has closed its native resources; the exit may go on. */
    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running, and the count-down frees it.
        }
    }
}
