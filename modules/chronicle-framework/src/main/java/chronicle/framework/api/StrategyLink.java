package chronicle.framework.api;

import chronicle.protocol.api.ExecutionReport;
import chronicle.protocol.api.Side;

/**
 * The router's line back to one strategy: a {@link Venue} answers an order by writing an execution report to the
 * strategy's responses queue through it. Allocation-free: {@link #report} starts a report in place (in the queue's
 * claimed buffer); set its other fields, then {@link #commit()} it.
 *
 * <pre>{@code
 * link.report(order.clientOrderId(), OrderCodes.EVENT_FILLED, order.venueId(), order.marketId(), Side.BID)
 *     .order(price, quantity, quantity).fill(price, quantity, OrderCodes.LIQUIDITY_TAKER, fee).exchangeTime(now);
 * link.commit();
 * }</pre>
 * <b>Router thread only.</b>
 */
public interface StrategyLink {

    /** @return the strategy's (application's) name. */
    String name();

    /** @return its id ({@code StrategyIds.of(name())}), which its reports carry. */
    long strategyId();

    /**
     * Starts a report; a report started and not committed is dropped by the next call.
     *
     * @param clientOrderId the order.
     * @param eventCode     what happened ({@code EVENT_} of {@code OrderCodes}).
     * @param venueId       venue id.
     * @param marketId      market id.
     * @param side          the order's side.
     * @return the report, its other fields zero, to fill in.
     */
    ExecutionReport report(long clientOrderId, int eventCode, int venueId, long marketId, Side side);

    /**
     * Appends the started report to the responses queue.
     *
     * @return the record's sequence, or a negative status of the queue's writer (no report started, closed).
     */
    long commit();

    /**
     * Appends the started report with a journal timestamp of the venue's choosing: in market time, the time the
     * report is due at the strategy (exchange time plus the response latency).
     *
     * @param timestamp the record's timestamp, epoch nanoseconds.
     * @return the record's sequence, or a negative status of the queue's writer.
     */
    long commit(long timestamp);

    /**
     * Tells the strategy how far the venue has come in market time ({@code ClockProgress}, docs/LIVE.md).
     *
     * @param processed how many of the strategy's requests the venue has handled (their reports are written).
     * @param watermark every market event the venue handles from now on is at this time or later.
     * @return the record's sequence, or a negative status of the queue's writer.
     */
    long clockProgress(long processed, long watermark);
}
