package chronicle.etl.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One market on one UTC day of an extract, with the ids its events carry and which of its streams the archive
 * holds.
 *
 * @param venue    the venue's name.
 * @param symbol   the symbol's name.
 * @param date     the UTC day.
 * @param venueId  the venue id of its events.
 * @param marketId the market id of its events.
 * @param book     whether its {@code book} stream is read.
 * @param trades   whether its {@code trades} stream is read.
 */
record MarketDay(String venue, String symbol, LocalDate date, int venueId, long marketId, boolean book,
                 boolean trades) {

    private static final long DAY_NANOS = 86_400_000_000_000L;

    /** @return the day's start, epoch ns. */
    long start() {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /** @return the next day's start, epoch ns. */
    long end() {
        return start() + DAY_NANOS;
    }

    @Override
    public String toString() {
        return venue + "/" + symbol + "/" + date;
    }
}
