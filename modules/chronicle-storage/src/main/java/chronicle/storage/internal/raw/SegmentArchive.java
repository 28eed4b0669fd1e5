package chronicle.storage.internal.raw;

import chronicle.bus.api.BusLayout;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInfo;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.storage.api.ArchivedSegment;
import chronicle.storage.api.RawArchiverConfig;
import chronicle.storage.api.SegmentMeta;
import chronicle.storage.spi.DurableFiles;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;
import chronicle.storage.spi.TierChecksums;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Archives one sealed segment into its date directory: the plain copy and/or the seekable compressed copy, the seek
 * index beside it, then {@code meta.json}. Each file is written to {@code <name>.tmp}, forced, renamed and its
 * directory forced ({@link DurableFiles}); a file already there with the right bytes is kept, so repeating the work
 * after a crash at any point finishes it without a second copy. Temporary files a crash left are deleted first.
 */
public final class SegmentArchive {

    /** Attempts at copying a seek index that the writer's helper may still be finishing just after the seal. */
    private static final int INDEX_ATTEMPTS = 5;

    private final RawArchiverConfig config;
    private final ChronicleQueue queue;
    private final PluginProvider<SeekableCompressor> compressor;
    private final BusLayout layout;

    /**
     * @param config     what to archive where.
     * @param queue      the source queue (for reading event times).
     * @param compressor the seekable compressor, or null without compression.
     */
    public SegmentArchive(RawArchiverConfig config, ChronicleQueue queue,
                          PluginProvider<SeekableCompressor> compressor) {
        this.config = config;
        this.queue = queue;
        this.compressor = compressor;
        // Only the archive side of the layout is used here.
        this.layout = new BusLayout(config.source().toAbsolutePath().getParent(), config.archiveRoot());
    }

    /**
     * Archives a sealed segment, or confirms that it is archived.
     *
     * @param segment the segment (sealed: its header carries the seal).
     * @return where it went.
     * @throws IOException naming the file if any step fails; what was there before stays whole.
     */
    public ArchivedSegment archive(QueueInfo.Segment segment) throws IOException {
        Path source = segment.file();
        SegmentMeta.TimeRange times = EventTimes.of(queue, segment);
        Instant partitionTime = times != null ? Instant.ofEpochSecond(0, times.firstNanos())
                : Files.getLastModifiedTime(source).toInstant();
        LocalDate date = LocalDate.ofInstant(partitionTime, ZoneOffset.UTC);
        Path dir = layout.rawArchive(config.venue(), date);
        DurableFiles.createDirectories(dir);
        String name = source.getFileName().toString();
        Path plain = dir.resolve(name);
        Path packed = compressor == null ? null : dir.resolve(name + compressor.instance().fileExtension());
        Path indexSource = source.resolveSibling(name.substring(0, name.length() - ".q".length()) + ".idx");
        Path index = dir.resolve(indexSource.getFileName().toString());
        Path metaFile = dir.resolve(SegmentMeta.FILE_NAME);
        for (Path target : new Path[] {plain, packed, index, metaFile}) {
            if (target != null) {
                Files.deleteIfExists(DurableFiles.temporary(target)); // left by a crash: redone below
            }
        }

        long size = Files.size(source);
        String checksum = TierChecksums.of(source);
        SegmentMeta meta = Files.exists(metaFile) ? SegmentMeta.read(metaFile) : SegmentMeta.empty(config.venue());
        SegmentMeta.Segment known = meta.segment(segment.number());
        if (config.keepsPlainCopy() && !holds(plain, size, checksum)) {
            String copied = DurableFiles.copy(source, plain);
            if (!copied.equals(checksum)) {
                Files.deleteIfExists(plain);
                throw new IOException(source + ": changed while it was copied (CRC32C " + checksum + " before, "
                        + copied + " copied); a sealed segment must not change: is another process writing it?");
            }
        }
        if (packed != null) {
            boolean done = Files.isRegularFile(packed) && known != null && checksum.equals(known.checksum())
                    && packed.getFileName().toString().equals(known.compressed());
            if (!done) {
                compress(source, packed, size);
            }
            if (!config.retainQ() && Files.deleteIfExists(plain)) {
                DurableFiles.forceDirectory(dir);
            }
        }
        boolean hasIndex = Files.isRegularFile(indexSource) && copyIndex(indexSource, index);
        SegmentMeta.Segment entry = new SegmentMeta.Segment(segment.number(), name, size, checksum,
                segment.baseSequence(), segment.records(), times, hasIndex ? index.getFileName().toString() : null,
                packed == null ? null : packed.getFileName().toString(), config.keepsPlainCopy());
        meta.with(entry, nowNanos()).write(metaFile);
        return new ArchivedSegment(source, config.keepsPlainCopy() ? plain : packed, entry);
    }

    /** @return whether a file has exactly these bytes (size first: cheap). */
    private static boolean holds(Path file, long size, String checksum) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == size && TierChecksums.of(file).equals(checksum);
    }

    private void compress(Path source, Path packed, long size) throws IOException {
        Path tmp = DurableFiles.temporary(packed);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source), 1 << 20);
             FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            SeekTable table = compressor.call(c -> {
                try {
                    return c.compress(in, out, SeekableCompressor.DEFAULT_FRAME_SIZE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            if (table.decompressedLength() != size) {
                throw new IOException(packed + ": the compressor took " + table.decompressedLength() + " of the "
                        + size + " bytes of " + source);
            }
            channel.force(true);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        }
        DurableFiles.publish(tmp, packed);
    }

    /**
     * Copies the seek index, again if it changed meanwhile (the writer's helper flushes its last entries just after
     * sealing the segment).
     */
    private static boolean copyIndex(Path source, Path target) throws IOException {
        for (int attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
            String before = TierChecksums.of(source);
            if (holds(target, Files.size(source), before) || DurableFiles.copy(source, target).equals(before)
                    && TierChecksums.of(source).equals(before)) {
                return true;
            }
            sleep();
        }
        throw new IOException(source + ": still changing after " + INDEX_ATTEMPTS + " copies; is a writer still "
                + "finishing this segment?");
    }

    private static void sleep() throws IOException {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying a seek index", e);
        }
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
