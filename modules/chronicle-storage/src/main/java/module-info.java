/**
 * Layer 2: the archive tap and the compressor SPI; storage tiers are planned here.
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
