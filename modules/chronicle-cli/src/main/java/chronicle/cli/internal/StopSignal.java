package chronicle.cli.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command (feed, archive-tap) stop cleanly on SIGINT or SIGTERM: the signal clears
 * {@link #running()}, and the JVM waits (up to 10 s) until the command has closed its queues.
 */
final class StopSignal implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean running = true;

    StopSignal() {
        hook = new Thread(() -> {
            running = false;
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chronicle-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return false once a stop was asked for. */
    boolean running() {
        return running;
    }

    /** Asks the command to stop (as a signal would). */
    void stop() {
        running = false;
    }

    /** Marks the command as finished; call after its queues are closed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and sees the latch released
        }
    }
}
