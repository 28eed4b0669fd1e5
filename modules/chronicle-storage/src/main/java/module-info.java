/**
 * Layer 2: the archive tap, storage tiers and the compressor SPIs.
 *
 * <p>API: {@link chronicle.storage.api.ArchiveTap}; {@link chronicle.storage.api.RawArchiver} (sealed segments of a
 * raw queue into the raw archive) with {@link chronicle.storage.api.SegmentMeta} ({@code meta.json});
 * {@link chronicle.storage.api.SeekableObjectReader} (random
 * access to the original bytes of a seekable-compressed object) and {@link chronicle.storage.api.LocalFileRangeReader}.
 * SPIs: {@link chronicle.storage.spi.Compressor} (streaming),
 * {@link chronicle.storage.spi.SeekableCompressor} (frames with random access) and
 * {@link chronicle.storage.spi.TierBackend} (where tiered segments are stored; {@link
 * chronicle.storage.spi.FileTierStore} is the common ground of the file-system backends). {@link
 * chronicle.storage.api.DayBundle} packs one day of one market into a {@code .tar.zst} or {@code .tar.xz} file and
 * installs such a file into another archive root.
 */
module chronicle.storage {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.bus;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;

    exports chronicle.storage.api;
    exports chronicle.storage.spi;
    opens chronicle.storage.api to com.fasterxml.jackson.databind;
    opens chronicle.storage.internal.tiering to com.fasterxml.jackson.databind;
    opens chronicle.storage.internal.bundle to com.fasterxml.jackson.databind;

    uses chronicle.storage.spi.Compressor;
    uses chronicle.storage.spi.SeekableCompressor;
    uses chronicle.storage.spi.TierBackend;
}
