package chronicle.sim.internal;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.UnknownMarketException;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.sim.api.BacktestException;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One market of an archive root of imports, over the run's days: its names and ids from the root's registry, and
 * for each day its {@code book} and {@code trades} streams where they exist, read through the manifest and the
 * storage tiers when the day has one (its segments may have moved), else as the hot queue.
 *
 * @param name      venue and symbol.
 * @param ids       registry ids.
 * @param bookDays  the days with a book stream, in order.
 * @param tradeDays the days with a trades stream, in order.
 */
record ArchiveMarket(MarketName name, MarketIds.Ids ids, List<LocalDate> bookDays, List<LocalDate> tradeDays) {

    /**
     * @param tiers  the archive root's tiers.
     * @param venue  the venue (name or registered id).
     * @param symbol the symbol (name or registered id).
     * @param from   start, epoch nanoseconds.
     * @param to     end, epoch nanoseconds.
     * @return the market.
     * @throws BacktestException for a market that is not registered or has no book in the span.
     */
    static ArchiveMarket find(Tiers tiers, String venue, String symbol, long from, long to) {
        Path root = tiers.archiveRoot();
        if (!Files.isDirectory(root)) {
            throw new BacktestException(root + ": no such archive root");
        }
        MarketRegistry registry = MarketRegistry.open(root);
        MarketName name;
        try {
            name = registry.name(venue, symbol);
        } catch (UnknownMarketException e) {
            throw new BacktestException("no market " + venue + "/" + symbol + " in " + e.getMessage()
                    + "; chronicle imports " + root + " lists what was imported");
        }
        MarketIds.Ids ids = registry.resolve(name.venue(), name.symbol());
        List<LocalDate> book = new ArrayList<>();
        List<LocalDate> trades = new ArrayList<>();
        LocalDate last = day(to);
        for (LocalDate d = day(from); !d.isAfter(last); d = d.plusDays(1)) {
            if (exists(tiers, new StreamDay(name.venue(), name.symbol(), d, "book"))) {
                book.add(d);
            }
            if (exists(tiers, new StreamDay(name.venue(), name.symbol(), d, "trades"))) {
                trades.add(d);
            }
        }
        if (book.isEmpty()) {
            throw new BacktestException("no book of " + name.key() + " from " + day(from) + " to " + last
                    + " under " + root + " (chronicle imports " + root + " lists what was imported)");
        }
        return new ArchiveMarket(name, ids, List.copyOf(book), List.copyOf(trades));
    }

    /** @param nanos epoch nanoseconds. @return its UTC day. */
    static LocalDate day(long nanos) {
        return Instant.ofEpochSecond(0, nanos).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * @param tiers  the tiers.
     * @param date   a day of {@link #bookDays} or {@link #tradeDays}.
     * @param stream {@code book} or {@code trades}.
     * @return an opener of that stream day.
     */
    RecordSource.Opener opener(Tiers tiers, LocalDate date, String stream) {
        StreamDay day = new StreamDay(name.venue(), name.symbol(), date, stream);
        if (Files.exists(Manifest.file(tiers.archiveRoot(), day))) {
            return TieredReader.opener(tiers, day, TieredReader.Options.forReplay());
        }
        return RecordSource.Opener.ofQueue(day.queueDir(tiers.archiveRoot()));
    }

    /**
     * Reads the decimal exponents of the market's prices and sizes from its first book record.
     *
     * @param tiers the tiers.
     * @return {@code {priceExponent, sizeExponent}}.
     * @throws BacktestException if the book streams hold no record of the market.
     */
    int[] exponents(Tiers tiers) {
        EventHeader header = new EventHeader();
        int[] found = null;
        for (LocalDate d : bookDays) {
            int[][] result = new int[1][];
            try (RecordSource source = opener(tiers, d, "book").open(StartPosition.earliest())) {
                while (result[0] == null && source.poll((type, seq, ts, buffer, offset, length) -> {
                    MessageType t = MessageType.of(type);
                    if (result[0] == null && t != null && t != MessageType.HEARTBEAT
                            && length >= EventHeader.LENGTH_V1) {
                        header.wrap(buffer, offset);
                        if (header.venueId() == ids.venueId() && header.marketId() == ids.marketId()) {
                            result[0] = new int[] {header.priceExponent(), header.sizeExponent()};
                        }
                    }
                }, 64) > 0) {
                    // until the market's first record
                }
            }
            if (result[0] != null) {
                found = result[0];
                break;
            }
        }
        if (found == null) {
            throw new BacktestException("the book of " + name.key() + " holds no record of the market");
        }
        return found;
    }

    private static boolean exists(Tiers tiers, StreamDay day) {
        Path root = tiers.archiveRoot();
        return Files.exists(Manifest.file(root, day)) || ChronicleQueue.isQueue(day.queueDir(root));
    }
}
