/**
 * Layer 4: the live Binance feed, Zone 1's dumb pipe. Combined websocket streams (depth diffs at 100 ms, trades, book
 * ticker) and the REST depth snapshot through {@code java.net.http}, normalized into the protocol's records with the
 * parser and book-synchronisation rules the Binance import uses ({@code chronicle.ingest.api.binance}), appended to
 * the venue's raw queue. The api package holds the facade, its options and the normalizer; connections, snapshots
 * and back-off stay internal.
 */
module chronicle.feed.binance {
    requires transitive chronicle.core;
    requires transitive chronicle.protocol;
    requires transitive chronicle.bus;
    requires chronicle.ingest;
    requires java.net.http;

    exports chronicle.feed.binance.api;
}
