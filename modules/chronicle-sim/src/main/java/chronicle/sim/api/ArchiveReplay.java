package chronicle.sim.api;

import chronicle.core.api.RecordHandler;
import chronicle.sim.internal.ReplayLauncher;
import chronicle.sim.internal.StreamCursor;
import chronicle.storage.api.Tiers;

import java.util.List;

/**
 * The market records a backtest reads, handed on as stored: archived markets over a span, merged by journal
 * timestamp (at equal times a market's book stream before its trades stream, markets in the order given), read
 * wherever their segments are; the first day of each stream from its first record stamped at or after the start,
 * without a warm start. What {@code chronicle replay} writes onto the bus, so that a strategy and the paper venue in
 * market time see the day a backtest of it (from the day's start) sees.
 */
public final class ArchiveReplay {

    private final List<StreamCursor> streams;

    private ArchiveReplay(List<StreamCursor> streams) {
        this.streams = streams;
    }

    /**
     * Finds the markets and their days; nothing is read until {@link #run}.
     *
     * @param tiers   the archive root and its tiers.
     * @param venue   the venue (name or registered id).
     * @param symbols the markets (names or registered ids).
     * @param from    start, epoch nanoseconds (inclusive).
     * @param to      end, epoch nanoseconds (inclusive).
     * @return the replay.
     * @throws BacktestException naming a market that is not registered or has no book in the span.
     */
    public static ArchiveReplay of(Tiers tiers, String venue, List<String> symbols, long from, long to) {
        return new ArchiveReplay(ReplayLauncher.streams(tiers, venue, symbols, from, to));
    }

    /**
     * Reads every record, once.
     *
     * @param handler receives every record, in order.
     * @throws BacktestException at a damaged record.
     */
    public void run(RecordHandler handler) {
        ReplayLauncher.run(streams, handler);
    }
}
