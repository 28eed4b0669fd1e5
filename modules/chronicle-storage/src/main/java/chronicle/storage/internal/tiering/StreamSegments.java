package chronicle.storage.internal.tiering;

import chronicle.core.api.SegmentDecoder;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The sealed segments of a stream day in order: the manifest's, and sealed hot ones it does not know yet. */
public final class StreamSegments {

    private StreamSegments() {
    }

    /**
     * @param archiveRoot the archive root.
     * @param day         the stream day.
     * @return its sealed segments in order, each where the manifest (or the queue directory) says it is.
     * @throws IOException if a hot segment cannot be read.
     */
    public static List<SegmentLocation> sealed(Path archiveRoot, StreamDay day) throws IOException {
        Manifest manifest = Manifest.load(archiveRoot, day);
        List<SegmentLocation> all = new ArrayList<>(manifest.segments());
        Path dir = day.queueDir(archiveRoot);
        for (long n : HotSegments.numbers(dir)) {
            if (manifest.segment(n).isEmpty()) {
                Optional<SegmentLocation> hot = HotSegments.describe(dir, n, false);
                hot.ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparingLong(SegmentLocation::segment));
        return all;
    }

    /**
     * @param queueDir the stream day's queue directory.
     * @param sealed   its sealed segments.
     * @return whether the directory holds a newer segment that is not sealed (being written).
     */
    public static boolean hasUnsealedTail(Path queueDir, List<SegmentLocation> sealed) {
        List<Long> numbers = HotSegments.numbers(queueDir);
        if (numbers.isEmpty()) {
            return false;
        }
        long newest = numbers.getLast();
        if (!sealed.isEmpty() && newest <= sealed.getLast().segment()) {
            return false;
        }
        return HotSegments.header(queueDir.resolve(HotSegments.fileName(newest)))
                .map(h -> !h.sealed()).orElse(false);
    }

    /**
     * @param entry a segment entry.
     * @return the segment's original length (what a decoder addresses).
     */
    public static long originalSize(SegmentLocation entry) {
        return entry.originalSize() > 0 ? entry.originalSize() : SegmentDecoder.HEADER_SIZE;
    }
}
