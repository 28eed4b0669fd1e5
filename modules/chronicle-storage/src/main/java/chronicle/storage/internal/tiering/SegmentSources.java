package chronicle.storage.internal.tiering;

import chronicle.storage.api.LocalFileRangeReader;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SeekableObjectReader;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.RangeReader;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Opens the stored bytes of a segment as its original bytes: a hot file, an object of a tier, or a compressed
 * object read frame by frame. A hot segment that the tier manager moved after the reader listed it is found again
 * through the manifest.
 */
final class SegmentSources {

    private SegmentSources() {
    }

    /**
     * @param tiers   the tiers.
     * @param day     the stream day.
     * @param entry   the segment's entry as the reader listed it.
     * @param options cache and read-ahead of compressed segments.
     * @return a reader of the segment's original bytes.
     * @throws IOException if it cannot be opened.
     */
    static RangeReader open(Tiers tiers, StreamDay day, SegmentLocation entry, TieredReader.Options options)
            throws IOException {
        try {
            return openAt(tiers, day, entry, options);
        } catch (NoSuchFileException e) {
            SegmentLocation now = Manifest.load(tiers.archiveRoot(), day).segment(entry.segment()).orElse(null);
            if (now == null || now.equals(entry) || now.move() != null && now.tier().equals(entry.tier())) {
                throw new NoSuchFileException(entry.location() + ": segment " + entry.segment() + " of " + day
                        + " is gone and the manifest knows no other place for it");
            }
            return openAt(tiers, day, now, options);
        }
    }

    /**
     * @param tiers the tiers.
     * @param day   the stream day.
     * @param entry a segment entry with an index.
     * @return a reader of its seek index.
     * @throws IOException if it cannot be opened.
     */
    static RangeReader openIndex(Tiers tiers, StreamDay day, SegmentLocation entry) throws IOException {
        if (entry.hot()) {
            return LocalFileRangeReader.open(day.queueDir(tiers.archiveRoot()).resolve(entry.indexKey()));
        }
        return tiers.store(entry.tier()).open(entry.indexKey());
    }

    private static RangeReader openAt(Tiers tiers, StreamDay day, SegmentLocation entry, TieredReader.Options options)
            throws IOException {
        RangeReader stored = entry.hot()
                ? LocalFileRangeReader.open(day.queueDir(tiers.archiveRoot()).resolve(entry.key()))
                : tiers.store(entry.tier()).open(entry.key());
        if (entry.compression() == null) {
            return stored;
        }
        try {
            return SeekableObjectReader.open(stored, tiers.compressor(entry.compression()),
                    options.frameCacheBytes(), options.readAhead());
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw e;
        }
    }
}
