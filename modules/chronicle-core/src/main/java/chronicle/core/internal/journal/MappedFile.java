package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file mapped into memory for one owner (a writer or one reader), unmapped when closed.
 *
 * <p>The mapping belongs to a shared arena so that {@link #close()} unmaps it at once rather than at some garbage
 * collection; the owner must not touch {@link #buffer()} after closing. The file stays mapped after it is deleted
 * (Linux keeps the pages until the last mapping goes), so retention never pulls data out from under a reader.
 */
public final class MappedFile implements AutoCloseable {

    private final Path path;
    private final Arena arena;
    private final MemorySegment segment;
    private final UnsafeBuffer buffer;
    private final ByteBuffer byteBuffer;

    private MappedFile(Path path, Arena arena, MemorySegment segment) {
        this.path = path;
        this.arena = arena;
        this.segment = segment;
        this.buffer = new UnsafeBuffer(segment.address(), Math.toIntExact(segment.byteSize()));
        this.byteBuffer = segment.asByteBuffer();
    }

    /**
     * Maps a whole file.
     *
     * @param path     the file.
     * @param writable map read-write (writer, control file) or read-only (readers of segments).
     * @return the mapping.
     * @throws IOException if the file cannot be opened or mapped.
     */
    public static MappedFile map(Path path, boolean writable) throws IOException {
        StandardOpenOption[] options = writable
                ? new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.READ};
        try (FileChannel channel = FileChannel.open(path, options)) {
            Arena arena = Arena.ofShared();
            try {
                MemorySegment segment = channel.map(writable ? FileChannel.MapMode.READ_WRITE
                        : FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
                return new MappedFile(path, arena, segment);
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            }
        }
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
        return segment.address();
    }

    /** @return the mapped length. */
    public int length() {
        return buffer.capacity();
    }

    @Override
    public void close() {
        arena.close();
    }
}
