package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file mapped into memory for one owner (a writer or one reader), unmapped when closed.
 *
 * <p>Mapped with {@code mmap} directly rather than through a shared arena: {@link #close()} is then a plain
 * {@code munmap}, where closing a shared arena makes every Java thread of the process stop for a handshake (a roll
 * unmaps a segment; the writer and the readers would all feel it). The price is the arena's check: the owner must
 * not touch {@link #buffer()} after closing (the accesses through Agrona's buffer were never checked by the arena
 * anyway). The file stays mapped after it is deleted (Linux keeps the pages until the last mapping goes), so
 * retention never pulls data out from under a reader.
 *
 * <p>A reader maps a segment with {@link #mapInUse}, which holds a shared {@code flock} on it for as long as it is
 * mapped. The writer's helper recycles an old segment's file (reuses its page-cache pages for a new segment) only
 * when it gets an exclusive lock on it, so a segment a reader has mapped is deleted instead, never overwritten
 * ({@link SegmentRecycler}).
 */
public final class MappedFile implements AutoCloseable {

    private final Path path;
    private final long address;
    private final int length;
    private final UnsafeBuffer buffer;
    private final ByteBuffer byteBuffer;
    /** Open while mapped to hold the reader's shared lock; -1 for other mappings. */
    private final int lockFd;
    private boolean closed;

    private MappedFile(Path path, long address, int length) {
        this(path, address, length, -1);
    }

    private MappedFile(Path path, long address, int length, int lockFd) {
        this.path = path;
        this.lockFd = lockFd;
        this.address = address;
        this.length = length;
        this.buffer = length == 0 ? new UnsafeBuffer(new byte[0]) : new UnsafeBuffer(address, length);
        this.byteBuffer = length == 0 ? ByteBuffer.allocate(0)
                : MemorySegment.ofAddress(address).reinterpret(length).asByteBuffer();
    }

    /**
     * Maps a whole file.
     *
     * @param path     the file.
     * @param writable map read-write (writer, control file) or read-only (readers of segments).
     * @return the mapping (of no bytes if the file is empty).
     * @throws IOException if the file cannot be opened or mapped.
     */
    public static MappedFile map(Path path, boolean writable) throws IOException {
        long size = Files.size(path);
        if (size > Integer.MAX_VALUE) {
            throw new IOException(path + ": " + size + " bytes is too large to map as one segment");
        }
        return size == 0 ? new MappedFile(path, 0, 0)
                : new MappedFile(path, NativeIO.map(path, size, writable), (int) size);
    }

    /**
     * Maps a whole segment read-only for a reader, holding a shared lock on it until {@link #close()}, so that the
     * writer does not recycle it meanwhile.
     *
     * <p>Why the name is checked after locking: the file may have been recycled (renamed away) between the open and
     * the lock. A segment's name never names another file later (numbers only grow, and a recycled file gets a new
     * number), so if the name is still there once the lock is held, the descriptor is that segment and stays it.
     *
     * @param path the segment file.
     * @return the mapping.
     * @throws NoSuchFileException if the segment is gone or being recycled (for a reader: retention took it).
     * @throws IOException if it cannot be opened or mapped.
     */
    public static MappedFile mapInUse(Path path) throws IOException {
        int fd = NativeIO.open(path, false);
        if (fd < 0) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            throw new IOException("cannot open " + path + " to map it");
        }
        try {
            // Where the file system has no flock (some network file systems), the writer cannot take its exclusive
            // lock either, so it never recycles: reading without the lock is safe there.
            if (NativeIO.tryLock(fd, NativeIO.LOCK_SH) == NativeIO.LOCK_BUSY || !Files.exists(path)) {
                throw new NoSuchFileException(path + " (recycled by the writer)");
            }
            long size = Files.size(path);
            if (size > Integer.MAX_VALUE) {
                throw new IOException(path + ": " + size + " bytes is too large to map as one segment");
            }
            MappedFile mapped = size == 0 ? new MappedFile(path, 0, 0, fd)
                    : new MappedFile(path, NativeIO.map(fd, path, size, false), (int) size, fd);
            fd = -1; // the mapping owns it now
            return mapped;
        } finally {
            NativeIO.close(fd);
        }
    }

    /**
     * The same mapping under the name its file was renamed to; this object lets go of it (closing it does nothing).
     *
     * @param renamed the file's new path.
     * @return the mapping, now owned by the returned object.
     */
    MappedFile movedTo(Path renamed) {
        closed = true;
        return new MappedFile(renamed, address, length, lockFd);
    }

    /** @return the mapped file. */
    public Path path() {
        return path;
    }

    /** @return the mapping as an Agrona buffer (zero-copy access). */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** @return the mapping as a byte buffer, for {@link java.util.zip.CRC32C}; callers set position and limit. */
    public ByteBuffer byteBuffer() {
        return byteBuffer;
    }

    /** @return the address of the first mapped byte. */
    public long address() {
        return address;
    }

    /** @return the mapped length. */
    public int length() {
        return length;
    }

    /** Unmaps the file (once; later calls do nothing). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (length > 0) {
                NativeIO.unmap(address, length);
            }
            NativeIO.close(lockFd); // releases the shared lock
        }
    }
}
