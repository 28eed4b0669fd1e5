/**
 * Layer 2: storage tiers, compression and the archive tap.
 *
 * <p>API: {@link chronicle.storage.api.ArchiveTap}. SPIs: {@link chronicle.storage.spi.Compressor}.
 */
module chronicle.storage {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.bus;

    exports chronicle.storage.api;
    exports chronicle.storage.spi;

    uses chronicle.storage.spi.Compressor;
}
