/** Compressor plug-in: Zstandard through zstd-jni. */
module chronicle.plugin.compressor.zstd {
    requires chronicle.storage;
    requires com.github.luben.zstd_jni;

    provides chronicle.storage.spi.Compressor with chronicle.plugin.compressor.zstd.ZstdCompressor;
}
