package chronicle.framework.internal;

import chronicle.api.strategy.Context;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.OrderRequest;
import chronicle.bus.api.BusLayout;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ClockProgress;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;
import chronicle.protocol.api.OrderMessageType;
import chronicle.protocol.api.StrategyIds;
import org.agrona.collections.LongArrayQueue;

import java.nio.file.Path;

/**
 * A live application's side of the order path: it writes order messages to its orders queue and reads execution
 * reports from its responses queue ({@code <bus>/strategies/<app>/orders} and {@code .../responses}, created here
 * with the configured {@link QueueAccessRules permissions}). The application is the one writer of its orders queue,
 * so a second instance of the same application is refused by the queue's writer lock.
 * <b>Strategy thread only.</b>
 */
final class OrderChannel implements AutoCloseable {

    /** Small segments: order flow is a trickle next to market data. */
    static final QueueOptions OPTIONS = QueueOptions.hotIpc().withSegmentSize(4 * 1024 * 1024);

    private final long strategyId;
    private final ChronicleQueue orders;
    private final ChronicleQueue responses;
    private final QueueWriter writer;
    private final QueueReader reader;
    private final NewOrder newOrder = new NewOrder();
    private final CancelOrder cancel = new CancelOrder();
    private final ModifyOrder modify = new ModifyOrder();
    private final ClockProgress progress = new ClockProgress();
    private final LongArrayQueue inFlight = new LongArrayQueue(Long.MIN_VALUE);
    private boolean trackInFlight;
    private long sent;

    private OrderChannel(long strategyId, ChronicleQueue orders, ChronicleQueue responses, QueueWriter writer,
                         QueueReader reader) {
        this.strategyId = strategyId;
        this.orders = orders;
        this.responses = responses;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Creates (or reopens) the application's directory and queues and restricts their permissions.
     *
     * @param layout the bus.
     * @param app    the application's name.
     * @param rules  the permissions.
     * @return the channel.
     */
    static OrderChannel open(BusLayout layout, String app, QueueAccessRules rules) {
        Path dir = layout.strategyDir(app);
        rules.createDirectory(layout.strategies());
        rules.createDirectory(dir);
        ChronicleQueue orders = ChronicleQueue.open(layout.strategyOrders(app), OPTIONS);
        ChronicleQueue responses = ChronicleQueue.open(layout.strategyResponses(app), OPTIONS);
        try {
            QueueWriter writer = orders.createWriter();
            QueueReader reader = responses.createReader(StartPosition.latest());
            rules.restrictTree(dir);
            return new OrderChannel(StrategyIds.of(app), orders, responses, writer, reader);
        } catch (RuntimeException e) {
            responses.close();
            orders.close();
            throw e;
        }
    }

    /** @return a new order's id: the sequence its record will have, plus one (unique across restarts). */
    long nextOrderId() {
        return writer.nextSequence() + 1;
    }

    /** @return the id, or a {@link Context} status. */
    long sendNew(long orderId, Instrument instrument, OrderRequest request, long now) {
        if (writer.claim(NewOrder.LENGTH, now) < 0) {
            return Context.NOT_ACCEPTING;
        }
        newOrder.wrap(writer.claimBuffer(), 0).set(orderId, strategyId, now, instrument.venueId(),
                instrument.marketId(), request.side(), WireCodes.of(request.type()),
                WireCodes.of(request.timeInForce()), request.price(), request.quantity(), request.tag());
        return commit(OrderMessageType.NEW_ORDER, now, NewOrder.LENGTH) < 0 ? Context.NOT_ACCEPTING : orderId;
    }

    /** @return 0, or a {@link Context} status. */
    int sendCancel(long orderId, Instrument instrument, long now) {
        if (writer.claim(CancelOrder.LENGTH, now) < 0) {
            return Context.NOT_ACCEPTING;
        }
        cancel.wrap(writer.claimBuffer(), 0).set(orderId, strategyId, now, instrument.venueId(),
                instrument.marketId());
        return commit(OrderMessageType.CANCEL_ORDER, now, CancelOrder.LENGTH) < 0 ? Context.NOT_ACCEPTING : 0;
    }

    /** @return 0, or a {@link Context} status. */
    int sendModify(long orderId, Instrument instrument, long price, long quantity, long now) {
        if (writer.claim(ModifyOrder.LENGTH, now) < 0) {
            return Context.NOT_ACCEPTING;
        }
        modify.wrap(writer.claimBuffer(), 0).set(orderId, strategyId, now, instrument.venueId(),
                instrument.marketId(), price, quantity);
        return commit(OrderMessageType.MODIFY_ORDER, now, ModifyOrder.LENGTH) < 0 ? Context.NOT_ACCEPTING : 0;
    }

    private long commit(OrderMessageType type, long now, int length) {
        long sequence = writer.commit(type.id(), now, length);
        if (sequence >= 0) {
            sent++;
            if (trackInFlight) {
                inFlight.addLong(now);
            }
        }
        return sequence;
    }

    /** Keeps the send time of every request until the venue has handled it ({@link #inFlight()}): market time. */
    void trackInFlight() {
        trackInFlight = true;
    }

    /** @return send times of the requests the venue has not handled yet, oldest first (market time). */
    LongArrayQueue inFlight() {
        return inFlight;
    }

    /**
     * Tells the router's venue that nothing will be sent stamped before {@code watermark} (market time).
     *
     * @return the record's sequence, or a negative status of the writer.
     */
    long sendProgress(long watermark) {
        if (writer.claim(ClockProgress.LENGTH, watermark) < 0) {
            return QueueWriter.CLAIM_STATE;
        }
        progress.wrap(writer.claimBuffer(), 0).set(0, strategyId, watermark);
        return writer.commit(OrderMessageType.CLOCK_PROGRESS.id(), watermark, ClockProgress.LENGTH);
    }

    /** @return the responses reader, for reading one record ahead (market time). */
    QueueReader responses() {
        return reader;
    }

    /** @return order messages written. */
    long sent() {
        return sent;
    }

    /** @return reports delivered (0 when none was ready), or {@link QueueReader#CORRUPT}. */
    int poll(RecordHandler handler, int limit) {
        return reader.poll(handler, limit);
    }

    /** @return the responses reader's last error. */
    String lastError() {
        return reader.lastError();
    }

    @Override
    public void close() {
        reader.close();
        writer.close();
        responses.close();
        orders.close();
    }
}
