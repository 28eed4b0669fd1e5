package chronicle.etl.internal.refine;

import chronicle.bus.api.MarketName;
import chronicle.bus.api.BusLayout;
import chronicle.protocol.api.StreamKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The clean queues a refinery writes, one per market, stream and UTC day, as an archive root lays them out:
 * {@code <sink>/<venue>/<symbol>/<date>/<stream>/queue}. When a market's stream passes midnight, its queue of the
 * day before is sealed (complete, ready for tiering) and the next day's is opened. <b>Not thread-safe.</b>
 */
public final class CleanStreams implements AutoCloseable {

    private final BusLayout layout;
    private final List<CleanQueue> open = new ArrayList<>();
    private boolean openedNow;

    public CleanStreams(Path sink) {
        this.layout = new BusLayout(sink, sink);
    }

    /**
     * The queue of a market's stream for a day, opening it (and sealing the day before) if it is not the current one.
     *
     * @param current  the market's current queue of each stream, by stream code (updated here).
     * @param name     the market's names.
     * @param stream   the stream.
     * @param timestamp the record's journal time, which names its UTC day.
     * @return the queue; {@link #openedNow()} tells whether it was opened by this call.
     */
    CleanQueue forDay(CleanQueue[] current, MarketName name, StreamKind stream, long timestamp) {
        CleanQueue queue = current[stream.code()];
        if (queue != null && queue.holds(timestamp)) {
            openedNow = false;
            return queue;
        }
        if (queue != null) {
            queue.finish();
            open.remove(queue);
        }
        LocalDate day = CleanQueue.utcDay(timestamp);
        CleanQueue next = CleanQueue.open(queueDir(name, stream, day), day);
        current[stream.code()] = next;
        open.add(next);
        openedNow = true;
        return next;
    }

    /** @return whether the last {@link #forDay} opened the queue it returned. */
    boolean openedNow() {
        return openedNow;
    }

    private Path queueDir(MarketName name, StreamKind stream, LocalDate day) {
        return layout.importQueue(name.venue(), name.symbol(), day, stream.label());
    }

    /** Publishes what each open queue has staged. */
    public void flush() {
        for (int i = 0; i < open.size(); i++) {
            open.get(i).flush();
        }
    }

    /** Runs a step of each open queue's writer duties. */
    public void runDuties() {
        for (int i = 0; i < open.size(); i++) {
            open.get(i).runDuties();
        }
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (CleanQueue q : open) {
            try {
                q.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        open.clear();
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
