package chronicle.framework.internal;

import chronicle.framework.api.StrategyLink;
import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;

/**
 * A strategy's request copied out of its orders queue, waiting in the paper venue until market time reaches its
 * arrival (send time plus the entry latency). Pooled: fields are overwritten on reuse.
 */
final class PaperRequest {

    /** What is asked. */
    enum Kind { NEW, CANCEL, MODIFY }

    Kind kind;
    StrategyLink from;
    long arrival;
    long clientOrderId;
    int venueId;
    long marketId;
    int sideCode;
    int typeCode;
    int tifCode;
    long price;
    long quantity;
    long tag;

    PaperRequest newOrder(StrategyLink link, NewOrder order, long at) {
        set(Kind.NEW, link, order.clientOrderId(), order.venueId(), order.marketId(), at);
        sideCode = order.sideCode();
        typeCode = order.typeCode();
        tifCode = order.timeInForceCode();
        price = order.price();
        quantity = order.quantity();
        tag = order.tag();
        return this;
    }

    PaperRequest cancel(StrategyLink link, CancelOrder cancel, long at) {
        return set(Kind.CANCEL, link, cancel.clientOrderId(), cancel.venueId(), cancel.marketId(), at);
    }

    PaperRequest modify(StrategyLink link, ModifyOrder modify, long at) {
        set(Kind.MODIFY, link, modify.clientOrderId(), modify.venueId(), modify.marketId(), at);
        price = modify.price();
        quantity = modify.quantity();
        return this;
    }

    private PaperRequest set(Kind k, StrategyLink link, long orderId, int venue, long market, long at) {
        kind = k;
        from = link;
        clientOrderId = orderId;
        venueId = venue;
        marketId = market;
        arrival = at;
        return this;
    }
}
