package chronicle.framework.internal;

import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.protocol.api.ClockProgress;
import chronicle.protocol.api.ExecutionReport;
import chronicle.protocol.api.OrderMessageType;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayQueue;

/**
 * A live strategy's side of market time: hands the strategy its market events, execution reports and timers in
 * the order a backtest would, and no further than the paper venue allows.
 *
 * <p>As in the backtest, everything due strictly before a market event comes first, and the event itself before
 * what is due at its time; a report and a timer due at the same time come in the order they were made (the report's
 * exchange time against the time the timer was set; a report first if those are equal too). A market event at
 * {@code T} is handed over only when no report can still come due before it: the venue has handled every request
 * sent (its clock progress counts them) and its next market event is at {@code T} or later; a timer likewise, with
 * nothing due at its time either. When the market data ends (its queue has no writer and nothing is left), the
 * strategy is stopped at the time of the last event, as a backtest ends; what is in flight still arrives, new
 * orders are refused, and once the venue has finished too the stepper is done. After each round it tells the venue
 * the earliest time it could still send an order at. Allocation-free. <b>Strategy thread only.</b>
 */
final class MarketTimeStepper {

    private static final int STEPS_PER_CYCLE = 256;
    private static final long END_CHECK_NANOS = 1_000_000L;

    private final RecordHead market;
    private final RecordHead responses;
    private final MarketFeed feed;
    private final OrderChannel channel;
    private final MarketClock clock;
    private final ClockProgress progress = new ClockProgress();
    private final ExecutionReport report = new ExecutionReport();
    private final RecordHandler progressHandler = this::onProgress;
    private long venueWatermark = Long.MIN_VALUE;
    private long venueProcessed;
    private long lastMarket = Long.MIN_VALUE;
    private long published = Long.MIN_VALUE;
    private boolean ended;
    private boolean stopped;
    private boolean finished;
    private long nextEndCheck;

    /**
     * @param feed    the one market-data queue.
     * @param channel the order path (it keeps the send times of requests in flight).
     * @param clock   the strategy's clock.
     */
    MarketTimeStepper(MarketFeed feed, OrderChannel channel, MarketClock clock) {
        this.feed = feed;
        this.market = feed.head();
        this.responses = new RecordHead(channel.responses());
        this.channel = channel;
        this.clock = clock;
        channel.trackInFlight();
    }

    /** Before the start: reads one market record, building the books. @return whether one was read. */
    boolean warmUp() {
        if (!market.poll()) {
            return false;
        }
        clock.advanceTo(market.timestamp());
        lastMarket = market.timestamp();
        market.deliver(feed);
        return true;
    }

    /** @return whether the run is over: the market data ended, the strategy stopped, every report arrived. */
    boolean finished() {
        return finished;
    }

    /**
     * Hands the strategy what may be handed now.
     *
     * @param context the strategy's context.
     * @param nowWall the wall clock (how often the end of the data is looked for).
     * @return how much was done.
     */
    int step(LiveContext context, long nowWall) {
        int work = 0;
        while (work < STEPS_PER_CYCLE && !finished && next(context, nowWall)) {
            work++;
        }
        long watermark = finished ? Long.MAX_VALUE : earliestSend(context);
        if (watermark > published) {
            if (channel.sendProgress(watermark) >= 0) {
                published = watermark;
            }
        }
        return work;
    }

    /** Takes the next item if it may be taken. @return false if nothing may be taken now. */
    private boolean next(LiveContext context, long nowWall) {
        readProgress();
        boolean reportHeld = responses.held();
        boolean marketHeld = !ended && market.poll();
        if (!marketHeld && !ended && nowWall >= nextEndCheck) {
            nextEndCheck = nowWall + END_CHECK_NANOS;
            ended = market.reader().writerState() == QueueReader.WriterState.NONE && !market.poll();
            marketHeld = market.held();
        }
        if (ended && !stopped) {
            stopped = true;
            context.endOfData();
            return true;
        }
        long due = reportHeld ? responses.timestamp() : Long.MAX_VALUE;
        // reports come in the order they are due: behind a held one, none is due earlier
        long reports = reportHeld ? due : unseenReportsFrom();
        Timers timers = context.timers();
        long timer = stopped ? Long.MAX_VALUE : timers.nextDue();
        if (marketHeld) {
            long t = market.timestamp();
            if (t <= due && t <= timer) {
                if (reports < t) {
                    return false;
                }
                clock.advanceTo(t);
                lastMarket = t;
                market.deliver(feed);
                return true;
            }
        } else if (!ended) {
            return false; // the next market event may come before anything else
        }
        if (reportHeld && (due < timer || (due == timer && reportMadeAt() <= timers.nextScheduledAt()))) {
            clock.advanceTo(due);
            responses.deliver(context);
            return true;
        }
        if (timer != Long.MAX_VALUE && reports > timer) {
            clock.advanceTo(timer);
            timers.fireNext(context);
            return true;
        }
        if (stopped && !reportHeld && channel.inFlight().isEmpty() && venueWatermark == Long.MAX_VALUE) {
            finished = true;
        }
        return false;
    }

    /** Reads the venue's clock progress records waiting ahead of the next report. */
    private void readProgress() {
        while (responses.poll() && responses.type() == OrderMessageType.CLOCK_PROGRESS.id()) {
            responses.deliver(progressHandler);
        }
    }

    private void onProgress(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (length < ClockProgress.LENGTH) {
            return;
        }
        progress.wrap(buffer, offset);
        venueWatermark = Math.max(venueWatermark, progress.watermark());
        LongArrayQueue inFlight = channel.inFlight();
        while (venueProcessed < progress.processed() && !inFlight.isEmpty()) {
            inFlight.pollLong();
            venueProcessed++;
        }
    }

    /** @return the earliest time a report not read yet can be due at. */
    private long unseenReportsFrom() {
        LongArrayQueue inFlight = channel.inFlight();
        // a request's reports come after its send time; market events' reports after the venue's watermark
        long fromRequests = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peekLong() + 1;
        return Math.min(fromRequests, venueWatermark);
    }

    private long reportMadeAt() {
        return report.wrap(responses.buffer(), 0).exchangeTime();
    }

    /** @return the earliest time the strategy could still send at. */
    private long earliestSend(LiveContext context) {
        if (ended && !stopped) {
            return clock.nanoTime();
        }
        long next = unseenReportsFrom();
        if (responses.held()) {
            next = Math.min(next, responses.timestamp());
        }
        if (!stopped) {
            next = Math.min(next, context.timers().nextDue());
            next = Math.min(next, market.held() ? market.timestamp() : ended ? Long.MAX_VALUE : lastMarket);
        }
        return Math.max(clock.nanoTime(), next);
    }
}
