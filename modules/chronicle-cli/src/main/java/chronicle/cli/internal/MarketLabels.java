package chronicle.cli.internal;

import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import org.agrona.DirectBuffer;

/**
 * Names the market of a market-data record from its header's venue and market ids, through a registry, so record
 * listings say {@code demo BTC-USD} rather than {@code venue 1 market 1}. Not thread-safe (reuses a header
 * flyweight).
 */
final class MarketLabels implements RecordRenderer.MarketLabeler {

    private final MarketRegistry registry;
    private final EventHeader header = new EventHeader();

    /** @param registry names the ids. */
    MarketLabels(MarketRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MarketName nameOf(int type, DirectBuffer buffer, int offset, int length) {
        if (registry.markets().isEmpty() || MessageType.of(type) == null || length < EventHeader.LENGTH_V1) {
            return null;
        }
        header.wrap(buffer, offset);
        return registry.nameOf(header.venueId(), header.marketId()).orElse(null);
    }
}
