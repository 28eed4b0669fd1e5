package chronicle.sim.internal;

import chronicle.core.api.RecordHandler;
import chronicle.sim.api.BacktestException;
import chronicle.storage.api.Tiers;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the market records of archived markets over a span, merged in the order a backtest reads them (by journal
 * timestamp; at equal times the book stream before the trades stream, the markets in the order given), wherever
 * their segments are (hot or tiered). The first day of each stream starts at the first record stamped at or after
 * the start; no warm start: the records are handed on as stored.
 */
public final class ReplayLauncher {

    private ReplayLauncher() {
    }

    /**
     * Finds the markets and their days: nothing is read yet.
     *
     * @param tiers   the archive root and its tiers.
     * @param venue   the venue (name or registered id).
     * @param symbols the markets (names or registered ids).
     * @param from    start, epoch nanoseconds (inclusive).
     * @param to      end, epoch nanoseconds (inclusive).
     * @return the streams to merge.
     * @throws BacktestException naming a market that is not registered or has no book in the span.
     */
    public static List<StreamCursor> streams(Tiers tiers, String venue, List<String> symbols, long from, long to) {
        List<StreamCursor> cursors = new ArrayList<>();
        for (String symbol : symbols) {
            ArchiveMarket market = ArchiveMarket.find(tiers, venue, symbol, from, to);
            cursors.add(new StreamCursor(BacktestLauncher.days(tiers, market, market.bookDays(), "book", from, null),
                    to));
            if (!market.tradeDays().isEmpty()) {
                cursors.add(new StreamCursor(
                        BacktestLauncher.days(tiers, market, market.tradeDays(), "trades", from, null), to));
            }
        }
        return cursors;
    }

    /**
     * @param streams the streams of {@link #streams}.
     * @param handler receives every record, in order.
     * @throws BacktestException at a damaged record.
     */
    public static void run(List<StreamCursor> streams, RecordHandler handler) {
        try (RecordMerger merger = new RecordMerger(streams)) {
            merger.deliverAll(handler);
        }
    }
}
