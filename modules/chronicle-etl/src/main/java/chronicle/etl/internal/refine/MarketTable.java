package chronicle.etl.internal.refine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;

/**
 * Values by venue id and market id, found on every record of a multiplexed queue: two array loads for the small,
 * dense ids a market registry hands out, a hash map for any other. Allocation-free on look-ups.
 * <b>Not thread-safe.</b>
 *
 * @param <V> the value type.
 */
final class MarketTable<V> {

    /** Ids below these go into the arrays. */
    private static final int MAX_DENSE_VENUE = 4096;
    private static final int MAX_DENSE_MARKET = 1 << 20;

    private Object[][] byVenue = new Object[0][];
    private final Long2ObjectHashMap<V> sparse = new Long2ObjectHashMap<>();

    /**
     * @param venueId  venue id.
     * @param marketId market id.
     * @return its value, or null.
     */
    @SuppressWarnings("unchecked")
    V get(int venueId, long marketId) {
        if (venueId >= 0 && venueId < byVenue.length && marketId >= 0) {
            Object[] markets = byVenue[venueId];
            if (markets != null && marketId < markets.length) {
                return (V) markets[(int) marketId];
            }
        }
        return dense(venueId, marketId) ? null : sparse.get(key(venueId, marketId));
    }

    /**
     * @param venueId  venue id.
     * @param marketId market id.
     * @param value    its value.
     */
    void put(int venueId, long marketId, V value) {
        if (!dense(venueId, marketId)) {
            sparse.put(key(venueId, marketId), value);
            return;
        }
        if (venueId >= byVenue.length) {
            byVenue = Arrays.copyOf(byVenue, venueId + 1);
        }
        Object[] markets = byVenue[venueId];
        if (markets == null || marketId >= markets.length) {
            markets = Arrays.copyOf(markets == null ? new Object[0] : markets,
                    (int) Math.min(MAX_DENSE_MARKET, Math.max(16, (marketId + 1) * 2)));
            byVenue[venueId] = markets;
        }
        markets[(int) marketId] = value;
    }

    private static boolean dense(int venueId, long marketId) {
        return venueId >= 0 && venueId < MAX_DENSE_VENUE && marketId >= 0 && marketId < MAX_DENSE_MARKET;
    }

    private static long key(int venueId, long marketId) {
        return ((long) venueId << 32) | (marketId & 0xFFFF_FFFFL);
    }
}
