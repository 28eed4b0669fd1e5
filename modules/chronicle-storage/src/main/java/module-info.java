/**
 * Layer 2: the archive tap, storage tiers and the compressor SPIs.
 *
 * <p>API: {@link chronicle.storage.api.ArchiveTap}; {@link chronicle.storage.api.SeekableObjectReader} (random
 * access to the original bytes of a seekable-compressed object) and {@link chronicle.storage.api.LocalFileRangeReader}.
 * SPIs: {@link chronicle.storage.spi.Compressor} (streaming),
 * {@link chronicle.storage.spi.SeekableCompressor} (frames with random access) and
 * {@link chronicle.storage.spi.TierBackend} (where tiered segments are stored).
 */
module chronicle.storage {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.bus;
    requires com.fasterxml.jackson.databind;

    exports chronicle.storage.api;
    exports chronicle.storage.spi;
    opens chronicle.storage.api to com.fasterxml.jackson.databind;
    opens chronicle.storage.internal.tiering to com.fasterxml.jackson.databind;

    uses chronicle.storage.spi.Compressor;
    uses chronicle.storage.spi.SeekableCompressor;
    uses chronicle.storage.spi.TierBackend;
}
