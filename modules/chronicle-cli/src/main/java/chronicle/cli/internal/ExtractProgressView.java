package chronicle.cli.internal;

import chronicle.etl.api.ExtractProgress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * How {@code chronicle-etl extract} shows its progress on standard error: a bar redrawn in place on a terminal
 * ({@code System.console() != null}), otherwise a plain line at most every {@value #LINE_SECONDS} seconds, so that
 * a log file gets no carriage returns.
 */
final class ExtractProgressView implements ExtractProgress {

    private static final int WIDTH = 30;
    private static final long LINE_SECONDS = 5;

    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private boolean drawn;

    ExtractProgressView(PrintWriter err) {
        this(err, System.console() != null);
    }

    ExtractProgressView(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void update(long partsDone, long partsTotal, long rows, long bytes) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String text = String.format(Locale.ROOT, "%d/%d market days, %,d rows, %,d bytes, %,.0f rows/s", partsDone,
                partsTotal, rows, bytes, rows / seconds);
        if (terminal) {
            int done = partsTotal > 0 ? (int) (WIDTH * partsDone / partsTotal) : 0;
            err.print("\r[" + "#".repeat(done) + " ".repeat(WIDTH - done) + "] " + text);
            drawn = true;
            if (partsDone == partsTotal) {
                err.println();
                drawn = false;
            }
            err.flush();
        } else if (now - lastLine >= LINE_SECONDS * 1_000_000_000L || partsDone == partsTotal) {
            lastLine = now;
            err.println("extract: " + text);
            err.flush();
        }
    }

    /** @return true while a bar is drawn without its line end (a failure message starts on a new line). */
    boolean midLine() {
        return drawn;
    }
}
