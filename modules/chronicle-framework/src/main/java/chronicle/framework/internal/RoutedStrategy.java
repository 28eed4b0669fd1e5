package chronicle.framework.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.framework.api.StrategyLink;
import chronicle.protocol.api.ClockProgress;
import chronicle.protocol.api.ExecutionReport;
import chronicle.protocol.api.OrderMessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StrategyIds;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * The router's end of one strategy: a named reader ({@value #READER}) of its orders queue, which keeps the next
 * order as the strategy's "head" until the router's merge takes it, and the writer of its responses queue, through
 * which venues answer ({@link StrategyLink}). The reader's position is saved after each order is handed on, so a
 * restarted router neither loses nor repeats an order. <b>Router thread only.</b>
 */
final class RoutedStrategy implements StrategyLink, RecordHandler, AutoCloseable {

    /** The name of the router's reader of each orders queue. */
    static final String READER = "router";
    /** Longest order message the router copies (the largest is 64 bytes). */
    static final int MAX_ORDER = 256;

    private final String name;
    private final long strategyId;
    private final boolean registered;
    private final Path dir;
    private final ChronicleQueue orders;
    private final ChronicleQueue responses;
    private final QueueReader reader;
    private final QueueWriter writer;
    private final EpochNanoClock clock;
    private final UnsafeBuffer head = new UnsafeBuffer(new byte[MAX_ORDER]);
    private final ExecutionReport report = new ExecutionReport();
    private final ClockProgress progress = new ClockProgress();
    private boolean hasHead;
    private int headType;
    private long headSequence;
    private long headTimestamp;
    private int headLength;
    private boolean claimed;

    private RoutedStrategy(String name, boolean registered, Path dir, ChronicleQueue orders,
                           ChronicleQueue responses, QueueReader reader, QueueWriter writer, EpochNanoClock clock) {
        this.name = name;
        this.strategyId = StrategyIds.of(name);
        this.registered = registered;
        this.dir = dir;
        this.orders = orders;
        this.responses = responses;
        this.reader = reader;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Opens a strategy's queues for routing.
     *
     * @param name       the strategy's name.
     * @param registered whether it is registered with this router (if not, its orders are only refused).
     * @param dir        its directory.
     * @param ordersDir  its orders queue.
     * @param responsesDir its responses queue.
     * @param clock      the wall clock.
     * @return the link.
     * @throws RuntimeException if a queue cannot be opened or another router writes its responses.
     */
    static RoutedStrategy open(String name, boolean registered, Path dir, Path ordersDir, Path responsesDir,
                               EpochNanoClock clock) {
        ChronicleQueue orders = ChronicleQueue.openExisting(ordersDir);
        ChronicleQueue responses = ChronicleQueue.open(responsesDir, OrderChannel.OPTIONS);
        try {
            QueueWriter writer = responses.createWriter();
            QueueReader reader = orders.createNamedReader(READER, StartPosition.lastCommitted());
            return new RoutedStrategy(name, registered, dir, orders, responses, reader, writer, clock);
        } catch (RuntimeException e) {
            responses.close();
            orders.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long strategyId() {
        return strategyId;
    }

    /** @return whether it is registered with the router. */
    boolean registered() {
        return registered;
    }

    /** @return its directory. */
    Path dir() {
        return dir;
    }

    /** @return whether an order waits to be routed (polling one if none did). */
    boolean hasHead() {
        if (!hasHead) {
            int n = reader.poll(this, 1);
            if (n == QueueReader.CORRUPT) {
                throw new IllegalStateException(reader.lastError());
            }
        }
        return hasHead;
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        hasHead = true;
        headType = type;
        headSequence = sequence;
        headTimestamp = timestamp;
        headLength = length;
        head.putBytes(0, buffer, offset, Math.min(length, MAX_ORDER));
    }

    /** @return the waiting order's journal timestamp (its send time). */
    long headTimestamp() {
        return headTimestamp;
    }

    /** @return the waiting order's type id. */
    int headType() {
        return headType;
    }

    /** @return its sequence in the orders queue. */
    long headSequence() {
        return headSequence;
    }

    /** @return its length (it may be longer than the copy when malformed). */
    int headLength() {
        return headLength;
    }

    /** @return the copy of the waiting order. */
    DirectBuffer head() {
        return head;
    }

    /** The waiting order was handed on: the position is saved and the next one may be polled. */
    void consumed() {
        hasHead = false;
        reader.commit();
    }

    @Override
    public ExecutionReport report(long clientOrderId, int eventCode, int venueId, long marketId, Side side) {
        if (claimed) {
            writer.abort();
        }
        long now = clock.nanoTime();
        if (writer.claim(ExecutionReport.MAX_LENGTH, now) < 0) {
            throw new IllegalStateException(responses.directory() + ": cannot write a report (writer closed)");
        }
        claimed = true;
        return report.wrap(writer.claimBuffer(), 0).begin(clientOrderId, strategyId, eventCode, venueId, marketId,
                side);
    }

    @Override
    public long commit() {
        return commit(clock.nanoTime());
    }

    @Override
    public long commit(long timestamp) {
        if (!claimed) {
            return QueueWriter.CLAIM_STATE;
        }
        claimed = false;
        return writer.commit(OrderMessageType.EXECUTION_REPORT.id(), timestamp, report.length());
    }

    @Override
    public long clockProgress(long processed, long watermark) {
        if (claimed) {
            writer.abort();
            claimed = false;
        }
        if (writer.claim(ClockProgress.LENGTH, watermark) < 0) {
            throw new IllegalStateException(responses.directory() + ": cannot write clock progress (writer closed)");
        }
        progress.wrap(writer.claimBuffer(), 0).set(processed, strategyId, watermark);
        return writer.commit(OrderMessageType.CLOCK_PROGRESS.id(), watermark, ClockProgress.LENGTH);
    }

    @Override
    public void close() {
        if (claimed) {
            writer.abort();
        }
        reader.close();
        writer.close();
        responses.close();
        orders.close();
    }
}
