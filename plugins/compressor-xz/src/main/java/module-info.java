/** Compressor plug-in: xz through Apache Commons Compress and XZ for Java. */
module chronicle.plugin.compressor.xz {
    requires chronicle.storage;
    requires org.apache.commons.compress;
    // commons-compress requires it only statically: without this edge it would not be in the module graph, and
    // the xz streams would fail with NoClassDefFoundError. (LZMA2Options, the preset, is its type too.)
    requires org.tukaani.xz;

    provides chronicle.storage.spi.Compressor with chronicle.plugin.compressor.xz.XzCompressor;
}
