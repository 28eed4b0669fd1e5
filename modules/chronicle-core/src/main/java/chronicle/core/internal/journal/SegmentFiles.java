package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Finding, creating and deleting the segment files of a queue directory. */
public final class SegmentFiles {

    private static final AtomicLong PREPARATIONS = new AtomicLong();

    private SegmentFiles() {
    }

    /**
     * @param dir the queue directory.
     * @return the numbers of its segment files, ascending.
     */
    public static long[] list(Path dir) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.length() == 11 && name.endsWith(".q")) {
                    try {
                        found.add(Long.parseLong(name.substring(0, 9)));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            });
        } catch (NoSuchFileException e) {
            return new long[0];
        } catch (IOException e) {
            throw new QueueException(dir + ": cannot list segments: " + e.getMessage(), e);
        }
        return found.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * @param dir   the queue directory.
     * @param index a segment number.
     * @return the segment file's path.
     */
    public static Path path(Path dir, long index) {
        return dir.resolve(SegmentLayout.fileName(index));
    }

    /**
     * Creates a segment with real blocks and a header, under a temporary name first and then renamed, so that no
     * reader ever sees a segment without its header.
     *
     * @param dir          the queue directory.
     * @param index        the new segment's number.
     * @param baseSequence the sequence of its first record.
     * @param size         the file length.
     * @return the new segment, mapped read-write.
     * @throws QueueException if the disk is full or the file cannot be created; no segment file is left behind.
     */
    public static MappedFile create(Path dir, long index, long baseSequence, int size) {
        return publish(allocate(dir.resolve(SegmentLayout.fileName(index) + ".tmp"), dir, index, size), dir, index,
                baseSequence);
    }

    /**
     * Allocates and maps the next segment under a temporary name {@code <index>.q.prep-<n>}, ahead of the roll
     * that will need it; readers and {@link #list} do not see it. (A different name from {@link #create}'s, so a
     * roll that cannot wait for the preparation never collides with it.)
     *
     * @param dir   the queue directory.
     * @param index the segment's number.
     * @param size  the file length.
     * @return the mapping of the temporary file.
     * @throws QueueException if the disk is full; no file is left behind.
     */
    public static MappedFile prepare(Path dir, long index, int size) {
        // A unique name per preparation: a preparation racing a roll never touches the file the roll renames.
        return allocate(dir.resolve(SegmentLayout.fileName(index) + ".prep-" + PREPARATIONS.incrementAndGet()),
                dir, index, size);
    }

    private static MappedFile allocate(Path tmp, Path dir, long index, int size) {
        try {
            Files.deleteIfExists(tmp);
            NativeIO.allocate(tmp, size);
            return MappedFile.map(tmp, true);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new QueueException(path(dir, index) + ": cannot create segment: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the header of a prepared segment and renames it to its final name.
     *
     * @param prepared     the mapping from {@link #prepare}.
     * @param dir          the queue directory.
     * @param index        the segment's number.
     * @param baseSequence the sequence of its first record.
     * @return the same mapping under the final name.
     */
    public static MappedFile publish(MappedFile prepared, Path dir, long index, long baseSequence) {
        UnsafeBuffer header = prepared.buffer();
        header.putLong(SegmentLayout.MAGIC_OFFSET, SegmentLayout.MAGIC);
        header.putInt(SegmentLayout.VERSION_OFFSET, SegmentLayout.VERSION);
        header.putLong(SegmentLayout.INDEX_OFFSET, index);
        header.putLong(SegmentLayout.BASE_SEQUENCE_OFFSET, baseSequence);
        header.putLong(SegmentLayout.SIZE_OFFSET, prepared.length());
        header.putLong(SegmentLayout.CREATED_OFFSET, System.currentTimeMillis() * 1_000_000L);
        Path target = path(dir, index);
        try {
            Files.move(prepared.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            prepared.close();
            deleteQuietly(prepared.path());
            throw new QueueException(target + ": cannot create segment: " + e.getMessage(), e);
        }
        return prepared.renamedTo(target);
    }

    /**
     * Deletes temporary segment files a crashed writer left behind ({@code .q.tmp}, {@code .q.prep}).
     *
     * @param dir the queue directory.
     */
    public static void deleteLeftovers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".q.tmp") || p.toString().contains(".q.prep-"))
                    .forEach(SegmentFiles::deleteQuietly);
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /**
     * Unmaps and deletes a prepared segment that will not be used.
     *
     * @param prepared the mapping from {@link #prepare}.
     */
    public static void discard(MappedFile prepared) {
        prepared.close();
        deleteQuietly(prepared.path());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the caller's error says more
        }
    }
}
