package chronicle.sim.internal;

import chronicle.api.strategy.Instrument;
import chronicle.core.api.StartPosition;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import chronicle.replay.api.ReplayException;
import chronicle.replay.api.WarmStart;
import chronicle.sim.api.BacktestException;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestRunner;
import chronicle.storage.api.Tiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a run up from a {@link BacktestRunner}'s settings: finds the markets and their days in the archive, builds
 * each book at the start by a warm start, opens the streams after it, and runs the {@link Backtest}.
 */
public final class BacktestLauncher {

    private BacktestLauncher() {
    }

    /**
     * @param settings the run's settings.
     * @return the result.
     * @throws BacktestException naming a missing market or day, or a damaged record.
     */
    public static BacktestResult run(BacktestRunner settings) {
        Tiers tiers = settings.tiers();
        long from = settings.from();
        long to = settings.to();
        ReplayEngine engine = new ReplayEngine(settings.gapPolicy(), 0);
        List<Instrument> instruments = new ArrayList<>();
        List<StreamCursor> cursors = new ArrayList<>();
        for (String symbol : settings.symbols()) {
            ArchiveMarket market = ArchiveMarket.find(tiers, settings.venue(), symbol, from, to);
            if (instruments.stream().anyMatch(i -> i.marketId() == market.ids().marketId()
                    && i.venueId() == market.ids().venueId())) {
                throw new BacktestException("symbol " + symbol + " is given twice");
            }
            engine.track(market.ids().venueId(), market.ids().marketId());
            MarketBook opening = warmStart(tiers, market, from, settings);
            int[] exponents = opening != null ? new int[] {opening.priceExponent(), opening.sizeExponent()}
                    : market.exponents(tiers);
            if (opening != null) {
                engine.put(opening);
            }
            instruments.add(new Instrument(instruments.size(), market.name().venue(), market.name().symbol(),
                    market.ids().venueId(), market.ids().marketId(), exponents[0], exponents[1]));
            cursors.add(new StreamCursor(days(tiers, market, market.bookDays(), "book", from, opening), to));
            if (!market.tradeDays().isEmpty()) {
                cursors.add(new StreamCursor(days(tiers, market, market.tradeDays(), "trades", from, null), to));
            }
        }
        Backtest backtest = new Backtest(instruments, engine, settings.strategy(), settings.strategyName(),
                settings.parameters(), settings.latency(), settings.fees(), settings.queueModel(),
                settings.initialCash(), settings.sampleInterval().toNanos());
        try (RecordMerger merger = new RecordMerger(cursors)) {
            return backtest.run(merger, from);
        } catch (ReplayException e) {
            throw new BacktestException(e.getMessage());
        }
    }

    /** The book at {@code from}, or null if the first day's stream has no event of the market by then. */
    private static MarketBook warmStart(Tiers tiers, ArchiveMarket market, long from, BacktestRunner settings) {
        LocalDate first = market.bookDays().getFirst();
        if (!first.equals(ArchiveMarket.day(from))) {
            return null; // the data starts on a later day
        }
        try {
            return WarmStart.bookAt(market.opener(tiers, first, "book"), null, name -> null,
                    market.ids().venueId(), market.ids().marketId(), from, settings.gapPolicy(), 0, null).book();
        } catch (ReplayException e) {
            throw new BacktestException(market.name().key() + " on " + first + ": " + e.getMessage());
        }
    }

    static List<StreamCursor.Day> days(Tiers tiers, ArchiveMarket market, List<LocalDate> dates,
                                               String stream, long from, MarketBook opening) {
        List<StreamCursor.Day> days = new ArrayList<>();
        LocalDate firstDay = ArchiveMarket.day(from);
        for (LocalDate d : dates) {
            StartPosition start;
            if (!d.equals(firstDay)) {
                start = StartPosition.earliest();
            } else if (opening != null) {
                start = StartPosition.sequence(opening.lastSequence() + 1);
            } else {
                start = StartPosition.timestamp(from);
            }
            days.add(new StreamCursor.Day(market.opener(tiers, d, stream), start,
                    market.name().key() + "/" + d + "/" + stream));
        }
        return days;
    }
}
