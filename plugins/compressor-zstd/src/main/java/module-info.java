/** Compressor plug-in: Zstandard through zstd-jni, streaming and in the seekable format. */
module chronicle.plugin.compressor.zstd {
    requires chronicle.storage;
    requires com.github.luben.zstd_jni;

    provides chronicle.storage.spi.Compressor with chronicle.plugin.compressor.zstd.ZstdCompressor;
    provides chronicle.storage.spi.SeekableCompressor with chronicle.plugin.compressor.zstd.ZstdSeekableCompressor;
}
