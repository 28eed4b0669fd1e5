package chronicle.storage.internal.tiering;

import chronicle.storage.api.HotSegments;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.PendingMove;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.DurableFiles;
import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekableCompressor;
import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierStore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves one segment between tiers as the crash-safe state machine of {@link PendingMove}: every step is recorded
 * in the manifest before it is taken, the copy is verified by its checksum before the source is deleted, and
 * {@link #recover} finishes or rolls back a move a killed process left.
 */
public final class SegmentMover {

    private static final int CHUNK = 1 << 20;

    private final Tiers tiers;
    private final Path staging;
    private final Consumer<String> log;

    /**
     * @param tiers   the tiers.
     * @param staging a local directory for compressed and fetched copies (emptied by the caller at start).
     * @param log     receives one line per move.
     */
    public SegmentMover(Tiers tiers, Path staging, Consumer<String> log) {
        this.tiers = tiers;
        this.staging = staging;
        this.log = log;
    }

    /**
     * Moves a segment to a tier, compressing it on the way if it is not compressed yet.
     *
     * @param manifest    the stream day's manifest.
     * @param entry       the segment's entry (no move under way).
     * @param to          the target tier.
     * @param compression the compressor to apply to an uncompressed segment, or null.
     * @param frameBytes  original bytes per compressed frame, or null for {@link SeekableCompressor#DEFAULT_FRAME_SIZE}.
     * @throws IOException if a step fails: a move that fails before its copy is verified leaves the source as it
     *                     was and no copy; after, the next run finishes it.
     */
    public void move(Manifest manifest, SegmentLocation entry, String to, String compression, Integer frameBytes)
            throws IOException {
        String applied = entry.compression() != null ? entry.compression() : compression;
        String extension = applied == null ? "" : tiers.compressor(applied).fileExtension();
        String prefix = manifest.day().keyPrefix() + "/";
        String key = prefix + HotSegments.fileName(entry.segment()) + extension;
        String indexKey = entry.indexKey() == null ? null : prefix + HotSegments.indexFileName(entry.segment());
        TierStore target = tiers.store(to);
        PendingMove move = new PendingMove(to, key, indexKey, target.location(key), applied,
                PendingMove.State.COPY_STARTED, 0, null);
        SegmentLocation moving = entry.withMove(move);
        manifest.put(moving);

        boolean compress = entry.compression() == null && applied != null;
        boolean staged = compress || !entry.hot();
        Path payload = null;
        try {
            long size;
            String checksum;
            try {
                payload = compress ? compressed(manifest, entry, tiers.compressor(applied),
                        frameBytes == null ? SeekableCompressor.DEFAULT_FRAME_SIZE : frameBytes)
                        : entry.hot() ? hotFile(manifest, entry.key())
                        : fetched(entry.tier(), entry.key(), entry.checksum());
                size = Files.size(payload);
                checksum = staged ? TierChecksums.of(payload) : entry.checksum();
                copy(manifest, entry, target, key, indexKey, payload, staged || (entry.hot() && applied == null),
                        size, checksum);
            } catch (IOException | RuntimeException e) {
                rollBack(manifest, entry, target, move, e);
                throw e;
            }
            PendingMove verified = move.verified(size, checksum);
            manifest.put(moving.withMove(verified));
            finish(manifest, moving, verified);
        } finally {
            if (staged && payload != null) {
                Files.deleteIfExists(payload);
            }
        }
    }

    /** Puts the index and the payload into the target and checks the copy (the caller undoes a failed one). */
    private void copy(Manifest manifest, SegmentLocation entry, TierStore target, String key, String indexKey,
                      Path payload, boolean mayMove, long size, String checksum) throws IOException {
        if (indexKey != null) {
            putIndex(manifest, entry, target, indexKey);
        }
        // A hot segment kept as it is may be renamed into a tier on the same file system (no copy).
        target.put(key, payload, mayMove);
        ObjectStat copy = target.stat(key).orElseThrow(() -> new IOException(target.location(key)
                + ": the copy is not there after it was put"));
        String copied = copy.checksum() != null ? copy.checksum() : readBackChecksum(target, key);
        if (copy.size() != size || !copied.equals(checksum)) {
            throw new IOException(target.location(key) + ": the copy does not match (" + copy.size() + " bytes, "
                    + "CRC32C " + copied + "; expected " + size + " bytes, " + checksum + "); the move is undone "
                    + "and the source stays where it was");
        }
    }

    /**
     * Undoes a move that failed before its copy was verified (a damaged source, a full or unreachable tier, a copy
     * that does not match) while its source is still there: the partial copy is deleted and the entry forgets the
     * move, so no pending move is left behind. If the source is gone (renamed into the target) or the target cannot
     * be reached, the move stays recorded for {@link #recover} to finish or roll back.
     */
    private void rollBack(Manifest manifest, SegmentLocation entry, TierStore target, PendingMove move,
                          Exception failure) {
        try {
            if (sourceExists(manifest, entry)) {
                target.delete(move.key());
                if (move.indexKey() != null) {
                    target.delete(move.indexKey());
                }
                manifest.put(entry);
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Finishes or rolls back the move a killed process left in an entry.
     *
     * @param manifest the stream day's manifest.
     * @param entry    an entry with a move under way.
     * @return what was done, for the log.
     * @throws IOException if the tiers cannot be reached, or if the move cannot be finished safely (nothing is
     *                     deleted then).
     */
    public String recover(Manifest manifest, SegmentLocation entry) throws IOException {
        PendingMove move = entry.move();
        TierStore target = tiers.store(move.to());
        switch (move.state()) {
            case COPY_STARTED -> {
                if (sourceExists(manifest, entry)) {
                    target.delete(move.key());
                    if (move.indexKey() != null) {
                        target.delete(move.indexKey());
                    }
                    manifest.put(entry.withMove(null));
                    return "rolled back an unfinished copy of segment " + entry.segment() + " to " + move.to();
                }
                // The source was renamed into the target (a move without copy): finish if the copy is whole.
                Optional<ObjectStat> copy = target.stat(move.key());
                boolean same = copy.isPresent() && copy.get().size() == entry.size()
                        && entry.checksum().equals(copy.get().checksum() != null ? copy.get().checksum()
                        : readBackChecksum(target, move.key()));
                if (!same || !java.util.Objects.equals(move.compression(), entry.compression())) {
                    throw new IOException("segment " + entry.segment() + " of " + manifest.day() + ": the source of "
                            + "an unfinished move is gone from " + entry.location() + " and " + move.location()
                            + " does not hold it whole; nothing was deleted: restore the segment from a backup");
                }
                PendingMove verified = move.verified(entry.size(), entry.checksum());
                manifest.put(entry.withMove(verified));
                finish(manifest, entry, verified);
                return "finished a move of segment " + entry.segment() + " to " + move.to() + " (renamed)";
            }
            case COPY_VERIFIED, SOURCE_DELETE_STARTED -> {
                finish(manifest, entry, move);
                return "finished a verified move of segment " + entry.segment() + " to " + move.to();
            }
            default -> throw new IllegalStateException("unknown move state " + move.state());
        }
    }

    private void finish(Manifest manifest, SegmentLocation entry, PendingMove verified) throws IOException {
        manifest.put(entry.withMove(verified.at(PendingMove.State.SOURCE_DELETE_STARTED)));
        if (entry.hot()) {
            Path dir = manifest.day().queueDir(tiers.archiveRoot());
            Files.deleteIfExists(dir.resolve(entry.key()));
            if (entry.indexKey() != null) {
                Files.deleteIfExists(dir.resolve(entry.indexKey()));
            }
            if (Files.isDirectory(dir)) {
                DurableFiles.forceDirectory(dir);
            }
        } else {
            TierStore source = tiers.store(entry.tier());
            source.delete(entry.key());
            if (entry.indexKey() != null) {
                source.delete(entry.indexKey());
            }
        }
        manifest.put(entry.movedTo(verified));
        log.accept("moved segment=" + entry.segment() + " of " + manifest.day() + ": " + entry.location() + " -> "
                + verified.location() + (verified.compression() != null && entry.compression() == null
                ? " (" + verified.compression() + ", " + entry.size() + " -> " + verified.size() + " bytes)" : ""));
    }

    private boolean sourceExists(Manifest manifest, SegmentLocation entry) throws IOException {
        if (entry.hot()) {
            return Files.exists(hotFile(manifest, entry.key()));
        }
        return tiers.store(entry.tier()).stat(entry.key()).isPresent();
    }

    private Path hotFile(Manifest manifest, String name) {
        return manifest.day().queueDir(tiers.archiveRoot()).resolve(name);
    }

    private void putIndex(Manifest manifest, SegmentLocation entry, TierStore target, String indexKey)
            throws IOException {
        if (entry.hot()) {
            target.put(indexKey, hotFile(manifest, entry.indexKey()), false);
            return;
        }
        Path index = fetched(entry.tier(), entry.indexKey(), null);
        try {
            target.put(indexKey, index, true);
        } finally {
            Files.deleteIfExists(index);
        }
    }

    /** Compresses a segment from wherever it is into a staged file, forced to disk. */
    private Path compressed(Manifest manifest, SegmentLocation entry, SeekableCompressor compressor, int frameBytes)
            throws IOException {
        Path out = staging.resolve(manifest.day().keyPrefix().replace('/', '_') + "_"
                + HotSegments.fileName(entry.segment()) + compressor.fileExtension());
        Path source = entry.hot() ? hotFile(manifest, entry.key()) : fetched(entry.tier(), entry.key(),
                entry.checksum());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source), CHUNK);
             OutputStream sink = new BufferedOutputStream(Files.newOutputStream(out), CHUNK)) {
            compressor.compress(in, sink, frameBytes);
        } finally {
            if (!entry.hot()) {
                Files.deleteIfExists(source);
            }
        }
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return out;
    }

    /** Copies an object of a tier into a staged file, checking it against the manifest's checksum. */
    private Path fetched(String tier, String key, String expected) throws IOException {
        Path out = staging.resolve(key.replace('/', '_'));
        String actual;
        try (RangeReader in = tiers.store(tier).open(key);
             FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            actual = copy(in, channel);
            channel.force(true);
        }
        if (expected != null && !expected.equals(actual)) {
            Files.deleteIfExists(out);
            throw new IOException(tiers.store(tier).location(key) + ": damaged: CRC32C " + actual + ", the manifest "
                    + "says " + expected + "; it stays where it is: restore it from a backup");
        }
        return out;
    }

    /** Reads an object to its end, writing it to {@code out} when given; returns its CRC32C. */
    private static String copy(RangeReader in, FileChannel out) throws IOException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        long size = in.size();
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        for (long at = 0; at < size; ) {
            buffer.clear().limit((int) Math.min(CHUNK, size - at));
            in.readFully(at, buffer);
            buffer.flip();
            crc.update(buffer.duplicate());
            while (out != null && buffer.hasRemaining()) {
                out.write(buffer);
            }
            at += buffer.limit();
        }
        return TierChecksums.hex(crc.getValue());
    }

    private static String readBackChecksum(TierStore store, String key) throws IOException {
        try (RangeReader in = store.open(key)) {
            return copy(in, null);
        }
    }
}
