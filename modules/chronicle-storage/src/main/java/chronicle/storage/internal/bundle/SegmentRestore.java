package chronicle.storage.internal.bundle;

import chronicle.core.api.QueueException;
import chronicle.core.api.SegmentDecoder;
import chronicle.storage.api.BundleException;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.LocalFileRangeReader;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SeekableObjectReader;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekableCompressor;
import chronicle.storage.spi.TierChecksums;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * Turns a segment that lived in a tier back into a hot segment {@code <n>.q} of its queue directory: the stored
 * object is checked against its manifest entry (size, CRC32C), decompressed when it was stored compressed, and the
 * result checked against the entry's original size and sequence range and against every record's own CRC32C.
 */
final class SegmentRestore {

    private static final int CHUNK = 1 << 20;

    private SegmentRestore() {
    }

    /**
     * @param bundle      the bundle, for messages.
     * @param entry       the segment's manifest entry in the source archive.
     * @param stored      the object as it was stored in its tier.
     * @param queueDir    the staged queue directory.
     * @param compressors seekable compressors by name (null when not installed).
     * @return the entry of the restored hot segment.
     * @throws BundleException naming the segment and what does not match.
     * @throws IOException     if the staging directory cannot be written.
     */
    static SegmentLocation restore(String bundle, SegmentLocation entry, Path stored, Path queueDir,
                                   Function<String, SeekableCompressor> compressors) throws IOException {
        String what = bundle + ": segment " + entry.segment() + " (" + stored.getFileName() + ")";
        long storedSize = Files.size(stored);
        String storedCrc = TierChecksums.of(stored);
        if (storedSize != entry.size() || entry.checksum() != null && !entry.checksum().equals(storedCrc)) {
            throw new BundleException(what + ": " + storedSize + " bytes with CRC32C " + storedCrc + ", its manifest "
                    + "entry says " + entry.size() + " bytes with " + entry.checksum() + "; the bundle is damaged");
        }
        Path segment = queueDir.resolve(HotSegments.fileName(entry.segment()));
        if (entry.compression() == null) {
            Files.move(stored, segment);
        } else {
            SeekableCompressor format = compressors.apply(entry.compression());
            if (format == null) {
                throw new BundleException(what + ": stored with the " + entry.compression() + " seekable compressor, "
                        + "which is not installed (`chronicle plugins` lists the installed ones)");
            }
            decompress(what, stored, format, entry.originalSize(), segment);
            Files.delete(stored);
        }
        long size = Files.size(segment);
        if (size != entry.originalSize()) {
            throw new BundleException(what + ": restores to " + size + " bytes, its manifest entry says "
                    + entry.originalSize() + "; the bundle is damaged");
        }
        checkRecords(what, segment, entry);
        boolean index = entry.indexKey() != null
                && Files.isRegularFile(queueDir.resolve(HotSegments.indexFileName(entry.segment())));
        return new SegmentLocation(entry.segment(), Manifest.HOT, HotSegments.fileName(entry.segment()),
                index ? HotSegments.indexFileName(entry.segment()) : null, null, null, size,
                TierChecksums.of(segment), entry.originalSize(), entry.firstSequence(), entry.endSequence(),
                entry.firstTimestamp(), entry.maxTimestamp(), entry.sealedAtMillis(), null, entry.version());
    }

    private static void decompress(String what, Path stored, SeekableCompressor format, long originalSize,
                                   Path segment) throws IOException {
        try (RangeReader in = SeekableObjectReader.open(LocalFileRangeReader.open(stored), format, 2L * CHUNK);
             FileChannel out = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            if (size != originalSize) {
                throw new BundleException(what + ": decompresses to " + size + " bytes, its manifest entry says "
                        + originalSize + "; the bundle is damaged");
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
            for (long at = 0; at < size; ) {
                buffer.clear().limit((int) Math.min(CHUNK, size - at));
                in.readFully(at, buffer);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                at += buffer.limit();
            }
            out.force(true);
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(what + ": cannot be decompressed (" + e.getMessage() + "); the bundle is "
                    + "damaged", e);
        }
    }

    /** Decodes every record, checking its CRC32C, and compares the count and range with the entry. */
    private static void checkRecords(String what, Path segment, SegmentLocation entry) throws IOException {
        long size = Files.size(segment);
        if (size > Integer.MAX_VALUE) {
            throw new BundleException(what + ": " + size + " bytes, more than a segment can be");
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            SegmentDecoder.SegmentInfo info;
            try {
                info = SegmentDecoder.header(what, bytes);
            } catch (QueueException e) {
                throw new BundleException(what + ": " + e.getMessage(), e);
            }
            SegmentDecoder decoder = new SegmentDecoder();
            decoder.start(info);
            UnsafeBuffer window = SegmentDecoder.wrap(bytes);
            long records = 0;
            long offset = SegmentDecoder.HEADER_SIZE;
            while (true) {
                int r = decoder.decode(window, bytes.duplicate().order(bytes.order()), 0, (int) size, offset, null);
                if (r == SegmentDecoder.END) {
                    break;
                }
                if (r < 0) {
                    throw new BundleException(what + ": " + (r == SegmentDecoder.CORRUPT ? decoder.problem()
                            : "record at offset " + offset + " runs past the end") + "; the bundle is damaged");
                }
                records++;
                offset += r;
            }
            if (info.baseSequence() != entry.firstSequence() || records != entry.records()) {
                throw new BundleException(what + ": holds " + records + " records from sequence "
                        + info.baseSequence() + ", its manifest entry says " + entry.records() + " from "
                        + entry.firstSequence() + "; the bundle is damaged");
            }
        }
    }
}
