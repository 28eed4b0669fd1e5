package chronicle.replay.api;

import chronicle.protocol.api.BookMode;
import chronicle.replay.internal.SnapshotTimeline;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The snapshots of one market: {@code <archive-root>/snapshots/<venue>/<market>/snapshot_<seq>.bin}, written to a
 * temporary file, synced and renamed, so a reader never sees half a snapshot; each is then entered in the market's
 * time line ({@code timeline.idx}, see {@link #latestAtOrBefore}), which finds a snapshot by time without listing
 * the directory.
 *
 * <pre>
 * Snapshot file, version 1 (header 128 bytes, then the codec's body)
 *  0                   8         10        12   13                                  28   29   30   31   32
 *  +-------------------+---------+---------+----+-----------------------------------+----+----+----+----+
 *  | magic "CHRSNAP1"  | version | hdr len |clen| codec name (ASCII, zero padded)    |mode|pexp|sexp| 0  |
 *  +-------------------+---------+---------+----+-----------------------------------+----+----+----+----+
 *  32        36        40                  48                  56                  64
 *  +---------+---------+-------------------+-------------------+-------------------+
 *  | venue   | 0       | market            | sequence          | timestamp         |
 *  +---------+---------+-------------------+-------------------+-------------------+
 *  64                  72                  80                  88        92        96            128
 *  +-------------------+-------------------+-------------------+---------+---------+-------------+
 *  | exchange ts       | ingest ts         | last update id    | body len| body crc| zero        |
 *  +-------------------+-------------------+-------------------+---------+---------+-------------+
 *  sequence, timestamps, update id: of the last record applied before the snapshot was taken.
 *  body crc: CRC32C of the body. The file name carries the sequence, zero padded to 20 digits.
 * </pre>
 */
public final class SnapshotStore {

    /** "CHRSNAP1" read as a little-endian long. */
    public static final long MAGIC = 0x3150414E53524843L;
    /** Format version. */
    public static final int VERSION = 1;
    /** Header length. */
    public static final int HEADER = 128;

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("snapshot_\\d{20}\\.bin");

    private final Path dir;

    /**
     * @param dir the market's snapshot directory.
     */
    public SnapshotStore(Path dir) {
        this.dir = dir;
    }

    /**
     * @param snapshotsRoot {@code <archive-root>/snapshots}.
     * @param venueId       venue id.
     * @param marketId      market id.
     * @return the store of that market.
     */
    public static SnapshotStore of(Path snapshotsRoot, int venueId, long marketId) {
        return new SnapshotStore(snapshotsRoot.resolve(Integer.toString(venueId)).resolve(Long.toString(marketId)));
    }

    /** @return the directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Writes a snapshot of a book atomically.
     *
     * @param book  the book (its replay position names the file).
     * @param codec the codec.
     * @return the snapshot's header.
     * @throws ReplayException if the file cannot be written (nothing partial is left).
     */
    public SnapshotHeader write(MarketBook book, SnapshotCodec codec) {
        ExpandableArrayBuffer body = new ExpandableArrayBuffer(4096);
        int length = codec.encode(book, body);
        byte[] name = codec.name().getBytes(StandardCharsets.US_ASCII);
        if (name.length > 15) {
            throw new IllegalArgumentException("codec name longer than 15 characters: " + codec.name());
        }
        UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER]);
        header.putLong(0, MAGIC);
        header.putShort(8, (short) VERSION);
        header.putShort(10, (short) HEADER);
        header.putByte(12, (byte) name.length);
        header.putBytes(13, name);
        header.putByte(28, (byte) book.mode().code());
        header.putByte(29, (byte) book.priceExponent());
        header.putByte(30, (byte) book.sizeExponent());
        header.putInt(32, book.venueId());
        header.putLong(40, book.marketId());
        header.putLong(48, book.lastSequence());
        header.putLong(56, book.lastTimestamp());
        header.putLong(64, book.lastExchangeTimestamp());
        header.putLong(72, book.lastIngestTimestamp());
        header.putLong(80, book.lastUpdateId());
        header.putInt(88, length);
        CRC32C crc = new CRC32C();
        crc.update(body.byteArray(), 0, length);
        header.putInt(92, (int) crc.getValue());
        Path file = fileOf(book.lastSequence());
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(new ByteBuffer[] {ByteBuffer.wrap(header.byteArray()),
                        ByteBuffer.wrap(body.byteArray(), 0, length)});
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true); // the rename itself survives a power loss
            }
            SnapshotTimeline timeline = new SnapshotTimeline(dir);
            if (!timeline.exists()) {
                // The first snapshot of a store that predates time lines: index the older ones first.
                timeline.rewrite(list().stream().filter(h -> h.sequence() != book.lastSequence())
                        .map(h -> new long[] {h.sequence(), h.timestamp()}).toList());
            }
            timeline.append(book.lastSequence(), book.lastTimestamp());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the error below matters more
            }
            throw new ReplayException(file + ": cannot write snapshot: " + e.getMessage());
        }
        return readHeader(file, header);
    }

    /** @return the snapshot files of the market, oldest first (by the sequence in their names). */
    private List<Path> files() {
        try (Stream<Path> files = Files.list(dir)) {
            // Names are zero padded, so name order is sequence order.
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ReplayException(dir + ": cannot list snapshots: " + e.getMessage());
        }
    }

    /** @return every snapshot of the market, oldest first (files that are not snapshots are ignored). */
    public List<SnapshotHeader> list() {
        List<SnapshotHeader> found = new ArrayList<>();
        for (Path file : files()) {
            header(file).ifPresent(found::add);
        }
        found.sort(Comparator.comparingLong(SnapshotHeader::sequence));
        return found;
    }

    private static Optional<SnapshotHeader> header(Path file) {
        byte[] bytes = new byte[HEADER];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer target = ByteBuffer.wrap(bytes);
            while (target.hasRemaining() && channel.read(target) > 0) {
                // read the header
            }
            return target.hasRemaining() ? Optional.empty() : Optional.of(readHeader(file, new UnsafeBuffer(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ReplayException(file + ": cannot read snapshot header: " + e.getMessage());
        }
    }

    /**
     * The newest snapshot taken at or before a time, through the market's {@link SnapshotTimeline}: a binary search
     * of its entries, so the cost does not grow with the number of snapshots stored. A store written before it had a
     * time line gets one, from a listing, on the first search. An entry whose file is gone or torn is skipped for the
     * one before it.
     *
     * @param timestamp epoch nanoseconds (journal time).
     * @return the newest snapshot taken at or before that time.
     */
    public Optional<SnapshotHeader> latestAtOrBefore(long timestamp) {
        SnapshotTimeline timeline = new SnapshotTimeline(dir);
        try {
            if (!timeline.exists() && Files.isDirectory(dir)) {
                timeline.rewrite(list().stream().map(h -> new long[] {h.sequence(), h.timestamp()}).toList());
            }
            try (SnapshotTimeline.Search search = timeline.open()) {
                if (search == null) {
                    return Optional.empty();
                }
                for (long i = search.lastAtOrBefore(timestamp); i >= 0; i--) {
                    Optional<SnapshotHeader> header = header(fileOf(search.entry(i)[0]));
                    if (header.isPresent()) {
                        return header;
                    }
                }
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new ReplayException(dir.resolve(SnapshotTimeline.FILE) + ": cannot read the snapshot time line: "
                    + e.getMessage() + " (delete it: the next search rebuilds it from the snapshot files)");
        }
    }

    /** @return the newest snapshot of the market (through the time line), if any. */
    public Optional<SnapshotHeader> latest() {
        return latestAtOrBefore(Long.MAX_VALUE);
    }

    private Path fileOf(long sequence) {
        return dir.resolve(String.format("snapshot_%020d.bin", sequence));
    }

    /**
     * Loads a snapshot into a new book.
     *
     * @param header the snapshot.
     * @param codecs finds a codec by name (for example through the plug-in host).
     * @param maxDepth L2 levels kept per side.
     * @return the book, positioned after the snapshot's record.
     * @throws ReplayException if the file is damaged or its codec is not installed.
     */
    public static MarketBook load(SnapshotHeader header, Function<String, SnapshotCodec> codecs, int maxDepth) {
        SnapshotCodec codec = codecs.apply(header.codec());
        if (codec == null) {
            throw new ReplayException(header.file() + ": snapshot codec '" + header.codec() + "' is not installed "
                    + "(chronicle plugins lists the codecs)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(header.file());
        } catch (IOException e) {
            throw new ReplayException(header.file() + ": cannot read snapshot: " + e.getMessage());
        }
        if (bytes.length < HEADER + header.bodyLength()) {
            throw new ReplayException(header.file() + ": truncated snapshot (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, header.bodyLength());
        if ((int) crc.getValue() != new UnsafeBuffer(bytes).getInt(92)) {
            throw new ReplayException(header.file() + ": snapshot body fails its CRC32C: delete it, the snapshotter "
                    + "writes another");
        }
        MarketBook book = new MarketBook(header.venueId(), header.marketId(), header.mode(), maxDepth);
        try {
            codec.decode(new UnsafeBuffer(bytes), HEADER, header.bodyLength(), book);
        } catch (IllegalArgumentException e) {
            throw new ReplayException(header.file() + ": " + e.getMessage());
        }
        book.restoredAt(header.sequence(), header.timestamp(), header.exchangeTimestamp(), header.ingestTimestamp(),
                header.updateId(), header.priceExponent(), header.sizeExponent());
        return book;
    }

    private static SnapshotHeader readHeader(Path file, UnsafeBuffer h) {
        if (h.getLong(0) != MAGIC) {
            throw new ReplayException(file + ": not a snapshot file (bad magic)");
        }
        int version = h.getShort(8);
        if (version != VERSION) {
            throw new ReplayException(file + ": snapshot version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        int nameLength = Math.min(15, h.getByte(12));
        byte[] name = new byte[nameLength];
        h.getBytes(13, name);
        BookMode mode = BookMode.of(h.getByte(28));
        if (mode != BookMode.L2 && mode != BookMode.L3) {
            throw new ReplayException(file + ": snapshot of an unknown book mode " + h.getByte(28));
        }
        return new SnapshotHeader(file, new String(name, StandardCharsets.US_ASCII), h.getInt(32), h.getLong(40),
                mode, h.getByte(29), h.getByte(30), h.getLong(48), h.getLong(56), h.getLong(64), h.getLong(72),
                h.getLong(80), h.getInt(88));
    }
}
