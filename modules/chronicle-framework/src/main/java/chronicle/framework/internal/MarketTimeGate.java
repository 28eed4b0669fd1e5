package chronicle.framework.internal;

import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.framework.api.StrategyLink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The paper venue's side of market time: applies the market records and the strategies' requests in the order a
 * backtest applies them, and no further than the strategies allow.
 *
 * <p>A request sent at strategy time {@code t} arrives at {@code t + entry}. As in the backtest, a request arriving
 * strictly before a market record is applied before it, at equal times after it, and requests at equal times in
 * the order they were sent. A market record at {@code T} may be applied only when no request can still arrive
 * before it: every registered strategy has said (clock progress) that it sends nothing stamped before
 * {@code T - entry}. A request may be applied only when the next market record is known to be later (or the
 * market data has ended: its queue has no writer and nothing is left to read). After each round the venue tells
 * every strategy how many of its requests it has handled and the time of the next market record it will apply
 * (its watermark), so the strategy knows which reports can still come before its next event. <b>Router thread
 * only.</b>
 */
final class MarketTimeGate {

    private static final int STEPS_PER_CYCLE = 1024;
    private static final long END_CHECK_NANOS = 1_000_000L;

    /** One strategy the venue keeps in step with. */
    private static final class Peer {
        final String name;
        StrategyLink link;
        long watermark = Long.MIN_VALUE;
        long processed;
        long publishedProcessed = -1;
        long publishedWatermark = Long.MIN_VALUE;

        Peer(String name) {
            this.name = name;
        }
    }

    private final RecordHead market;
    private final RecordHandler exchange;
    private final long entryNanos;
    private final Peer[] peers;
    private final Consumer<PaperRequest> handler;
    private final ArrayDeque<PaperRequest> pool = new ArrayDeque<>();
    private final List<PaperRequest> pending = new ArrayList<>();
    private PaperRequest filling;
    private long lastMarket = Long.MIN_VALUE;
    private boolean ended;
    private long nextEndCheck;

    /**
     * @param market     the market-data queue's next record.
     * @param exchange   where market records go.
     * @param entryNanos the constant entry latency.
     * @param strategies the strategies to keep in step with.
     * @param handler    applies a request at its arrival.
     */
    MarketTimeGate(RecordHead market, RecordHandler exchange, long entryNanos, Set<String> strategies,
                   Consumer<PaperRequest> handler) {
        this.market = market;
        this.exchange = exchange;
        this.entryNanos = entryNanos;
        this.peers = strategies.stream().sorted().map(Peer::new).toArray(Peer[]::new);
        this.handler = handler;
    }

    /** @return the entry latency. */
    long entryNanos() {
        return entryNanos;
    }

    /** @return a request to fill in, then {@link #enqueue()}. */
    PaperRequest request() {
        PaperRequest r = pool.pollFirst();
        filling = r != null ? r : new PaperRequest();
        return filling;
    }

    /** Queues the request filled in last, by arrival (equal arrivals in the order they came). */
    void enqueue() {
        int at = pending.size();
        while (at > 0 && pending.get(at - 1).arrival > filling.arrival) {
            at--;
        }
        pending.add(at, filling);
        filling = null;
    }

    /** A strategy's clock progress. */
    void progress(StrategyLink from, long watermark) {
        Peer peer = peer(from);
        if (peer != null) {
            peer.link = from;
            peer.watermark = Math.max(peer.watermark, watermark);
        }
    }

    private Peer peer(StrategyLink link) {
        for (Peer p : peers) {
            if (p.name.equals(link.name())) {
                return p;
            }
        }
        return null;
    }

    /** @return steps taken (0 lets the router idle). */
    int advance(long nowNanos) {
        long limit = saturatedAdd(slowestWatermark(), entryNanos);
        int work = 0;
        for (; work < STEPS_PER_CYCLE; work++) {
            boolean head = market.poll();
            if (!head && !ended && nowNanos >= nextEndCheck) {
                nextEndCheck = nowNanos + END_CHECK_NANOS;
                ended = market.reader().writerState() == QueueReader.WriterState.NONE && !market.poll();
                head = market.held();
            }
            PaperRequest next = pending.isEmpty() ? null : pending.getFirst();
            if (next != null && next.arrival <= limit && (head ? next.arrival < market.timestamp() : ended)) {
                pending.removeFirst();
                handler.accept(next);
                Peer peer = peer(next.from);
                if (peer != null) {
                    peer.processed++;
                }
                next.from = null;
                pool.addLast(next);
            } else if (head && market.timestamp() <= limit && (next == null || next.arrival >= market.timestamp())) {
                lastMarket = market.timestamp();
                market.deliver(exchange);
            } else {
                break;
            }
        }
        publish(market.held() ? market.timestamp() : ended ? Long.MAX_VALUE : lastMarket);
        return work;
    }

    private long slowestWatermark() {
        long slowest = Long.MAX_VALUE;
        for (Peer p : peers) {
            slowest = Math.min(slowest, p.watermark);
        }
        return slowest;
    }

    private void publish(long watermark) {
        for (Peer p : peers) {
            if (p.link != null && (p.processed != p.publishedProcessed || watermark != p.publishedWatermark)) {
                p.link.clockProgress(p.processed, watermark);
                p.publishedProcessed = p.processed;
                p.publishedWatermark = watermark;
            }
        }
    }

    static long saturatedAdd(long time, long nanos) {
        long sum = time + nanos;
        return ((time ^ sum) & (nanos ^ sum)) < 0 ? (time < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
