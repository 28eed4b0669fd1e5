/**
 * Layer 3: order books (L2 price levels, L3 orders), replay of market-data streams, snapshots and warm start.
 *
 * <p>API: {@code chronicle.replay.api}. SPI: {@link chronicle.replay.spi.SnapshotCodec} (built-in L2 and L3 codecs
 * are plug-ins under {@code plugins/}).
 */
module chronicle.replay {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.protocol;
    requires transitive chronicle.bus;

    exports chronicle.replay.api;
    exports chronicle.replay.spi;

    uses chronicle.replay.spi.SnapshotCodec;
}
