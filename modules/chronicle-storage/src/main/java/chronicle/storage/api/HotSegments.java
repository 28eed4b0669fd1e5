package chronicle.storage.api;

import chronicle.core.api.QueueException;
import chronicle.core.api.SegmentDecoder;
import chronicle.storage.spi.TierChecksums;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The segments still in a stream day's queue directory, as manifest entries of the {@value Manifest#HOT} tier.
 */
public final class HotSegments {

    private static final Pattern SEGMENT = Pattern.compile("\\d{9}\\.q");

    private HotSegments() {
    }

    /**
     * The segment files of a queue directory, in order (spares and temporary files are not segments).
     *
     * @param queueDir the queue directory (absent: none).
     * @return their segment numbers.
     */
    public static List<Long> numbers(Path queueDir) {
        if (!Files.isDirectory(queueDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(queueDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> SEGMENT.matcher(n).matches())
                    .map(n -> Long.parseLong(n.substring(0, 9))).sorted().toList();
        } catch (IOException e) {
            throw new ManifestException(queueDir + ": cannot list the queue directory: " + e.getMessage(), e);
        }
    }

    /**
     * @param segment a segment number.
     * @return its file name, {@code 000000042.q}.
     */
    public static String fileName(long segment) {
        return String.format("%09d.q", segment);
    }

    /**
     * @param segment a segment number.
     * @return its seek index's file name, {@code 000000042.idx}.
     */
    public static String indexFileName(long segment) {
        return String.format("%09d.idx", segment);
    }

    /**
     * Reads a hot segment's header.
     *
     * @param file the segment file.
     * @return its header, or empty if the file is gone.
     * @throws QueueException naming the file if it is not a segment.
     */
    public static Optional<SegmentDecoder.SegmentInfo> header(Path file) {
        ByteBuffer bytes = ByteBuffer.allocate(SegmentDecoder.HEADER_SIZE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // the whole header
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QueueException(file + ": cannot read the segment header: " + e.getMessage(), e);
        }
        bytes.flip();
        return Optional.of(SegmentDecoder.header(file.toString(), bytes));
    }

    /**
     * The manifest entry of a sealed hot segment: its size, CRC32C (read in full), sequence and time range.
     *
     * @param queueDir the queue directory.
     * @param segment  the segment number.
     * @return the entry, or empty if the segment is not sealed (still being written) or is gone.
     * @throws IOException if it cannot be read.
     */
    public static Optional<SegmentLocation> entry(Path queueDir, long segment) throws IOException {
        return describe(queueDir, segment, true);
    }

    /**
     * The manifest entry of a sealed hot segment.
     *
     * @param queueDir     the queue directory.
     * @param segment      the segment number.
     * @param withChecksum whether to read the whole segment for its CRC32C (else the checksum is null).
     * @return the entry, or empty if the segment is not sealed (still being written) or is gone.
     * @throws IOException if it cannot be read.
     */
    public static Optional<SegmentLocation> describe(Path queueDir, long segment, boolean withChecksum)
            throws IOException {
        Path file = queueDir.resolve(fileName(segment));
        Optional<SegmentDecoder.SegmentInfo> header = header(file);
        if (header.isEmpty() || !header.get().sealed()) {
            return Optional.empty();
        }
        SegmentDecoder.SegmentInfo info = header.get();
        String checksum;
        long size;
        try {
            checksum = withChecksum ? TierChecksums.of(file) : null;
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Path index = queueDir.resolve(indexFileName(segment));
        boolean hasIndex = Files.isRegularFile(index);
        long sealedAt = Files.getLastModifiedTime(file).toMillis();
        return Optional.of(new SegmentLocation(segment, Manifest.HOT, fileName(segment),
                hasIndex ? indexFileName(segment) : null, file.toAbsolutePath().toString(), null, size, checksum,
                size, info.baseSequence(), info.endSequence(),
                info.recordCount() == 0 ? null : info.firstTimestamp(),
                info.recordCount() == 0 ? null : info.maxTimestamp(), sealedAt, null, info.version()));
    }

    /**
     * The sealed hot segments the manifest does not know yet.
     *
     * @param queueDir the queue directory.
     * @param manifest the stream day's manifest.
     * @return their entries, in order.
     * @throws IOException if one cannot be read.
     */
    public static List<SegmentLocation> unregistered(Path queueDir, Manifest manifest) throws IOException {
        List<SegmentLocation> found = new ArrayList<>();
        for (long n : numbers(queueDir)) {
            if (manifest.segment(n).isEmpty()) {
                entry(queueDir, n).ifPresent(found::add);
            }
        }
        return found;
    }
}
