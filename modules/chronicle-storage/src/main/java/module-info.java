/**
 * Layer 2: storage tiers, compression and the archive tap.
 *
 * <p>SPIs: {@link chronicle.storage.spi.Compressor}.
 */
module chronicle.storage {
    requires transitive chronicle.core;

    exports chronicle.storage.spi;

    uses chronicle.storage.spi.Compressor;
}
