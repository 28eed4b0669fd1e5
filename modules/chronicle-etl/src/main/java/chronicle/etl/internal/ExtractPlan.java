package chronicle.etl.internal;

import chronicle.bus.api.MarketIds;
import chronicle.etl.api.ExtractException;
import chronicle.etl.api.ExtractRequest;
import chronicle.storage.api.StreamDay;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The market days an extract reads: every UTC day of the range on which the archive holds the market's
 * {@code book} stream (for book features) or {@code trades} stream (for trades). A request that names an unknown
 * venue or symbol, or finds no data at all, is a usage error naming the option and the fix.
 */
final class ExtractPlan {

    private ExtractPlan() {
    }

    static List<MarketDay> of(ExtractRequest request, DayStreams streams) {
        Path root = request.archiveRoot();
        if (!Files.isDirectory(root)) {
            throw new ExtractException("--archive: " + root + " is not a directory; give the archive root that "
                    + "chronicle import wrote to", true);
        }
        if (request.from() >= request.to()) {
            throw new ExtractException("--from must be before --to (the range is [from, to))", true);
        }
        if (request.symbols().isEmpty()) {
            throw new ExtractException("--symbol: give at least one symbol", true);
        }
        MarketIds.Table ids;
        try {
            ids = MarketIds.read(root.resolve("ids.json"));
        } catch (UncheckedIOException e) {
            throw new ExtractException("--archive: " + e.getMessage(), true);
        }
        Integer venueId = ids.venues().get(request.venue());
        if (venueId == null) {
            throw new ExtractException("--venue: no venue '" + request.venue() + "' in " + root + " (known: "
                    + (ids.venues().isEmpty() ? "none: nothing was imported there" : String.join(", ",
                    new TreeSet<>(ids.venues().keySet()))) + "; chronicle imports " + root + " lists them)", true);
        }
        List<MarketDay> days = new ArrayList<>();
        for (String symbol : request.symbols()) {
            Long marketId = ids.markets().get(request.venue() + "/" + symbol);
            if (marketId == null) {
                throw new ExtractException("--symbol: no symbol '" + symbol + "' of venue " + request.venue() + " in "
                        + root + " (known: " + String.join(", ", symbolsOf(ids, request.venue())) + ")", true);
            }
            days.addAll(daysOf(request, streams, symbol, venueId, marketId));
        }
        return days;
    }

    private static List<MarketDay> daysOf(ExtractRequest request, DayStreams streams, String symbol, int venueId,
                                          long marketId) {
        boolean wantBook = request.features().hasBookTable();
        boolean wantTrades = request.features().trades();
        List<MarketDay> days = new ArrayList<>();
        boolean anyBook = false;
        boolean anyTrades = false;
        LocalDate last = day(request.to() - 1);
        for (LocalDate date = day(request.from()); !date.isAfter(last); date = date.plusDays(1)) {
            boolean book = wantBook && streams.exists(new StreamDay(request.venue(), symbol, date, "book"));
            boolean trades = wantTrades && streams.exists(new StreamDay(request.venue(), symbol, date, "trades"));
            anyBook |= book;
            anyTrades |= trades;
            if (book || trades) {
                days.add(new MarketDay(request.venue(), symbol, date, venueId, marketId, book, trades));
            }
        }
        String market = request.venue() + "/" + symbol;
        String range = Instant.ofEpochSecond(0, request.from()) + " to " + Instant.ofEpochSecond(0, request.to());
        if (wantBook && !anyBook) {
            throw new ExtractException("--from/--to: no book stream of " + market + " from " + range
                    + " (chronicle imports " + request.archiveRoot() + " lists the imported days)", true);
        }
        if (wantTrades && !anyTrades) {
            throw new ExtractException("--features trades: no trades stream of " + market + " from " + range
                    + " (import trades with chronicle import --stream trades, or drop trades from --features)", true);
        }
        return days;
    }

    private static LocalDate day(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<String> symbolsOf(MarketIds.Table ids, String venue) {
        String prefix = venue + "/";
        return ids.markets().keySet().stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length())).sorted().toList();
    }
}
