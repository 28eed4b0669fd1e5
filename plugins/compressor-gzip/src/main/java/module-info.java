/** Compressor plug-in: gzip through the JDK's {@code java.util.zip}. */
module chronicle.plugin.compressor.gzip {
    requires chronicle.storage;

    provides chronicle.storage.spi.Compressor with chronicle.plugin.compressor.gzip.GzipCompressor;
}
