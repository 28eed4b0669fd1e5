package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Finding, creating and deleting the segment files of a queue directory. */
public final class SegmentFiles {

    private SegmentFiles() {
    }

    /**
     * Lists the published segments: every {@code <n>.q} file except a newest one whose header is still zero (the
     * next segment, prepared ahead of the roll under its final name, see {@link #prepare}). Only the newest file
     * can be unpublished: a zero header further back is damage, for the caller that reads it to report.
     *
     * @param dir the queue directory.
     * @return the numbers of its published segment files, ascending.
     */
    public static long[] list(Path dir) {
        long[] all = listFiles(dir);
        int n = all.length;
        return n > 0 && !isPublished(path(dir, all[n - 1])) ? Arrays.copyOf(all, n - 1) : all;
    }

    /**
     * @param dir the queue directory.
     * @return the numbers of all its segment files, published or not, ascending.
     */
    public static long[] listFiles(Path dir) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                long number = numberOf(p);
                if (number >= 0) {
                    found.add(number);
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
     * @param file a file of a queue directory.
     * @return the segment number its name {@code <n:09d>.q} carries, or -1 if it is not a segment's name.
     */
    public static long numberOf(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        if (text.length() != 11 || !text.endsWith(".q")) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(text, 0, 9, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param segment a segment file.
     * @return false if its magic is still zero or not even there (being prepared, not published yet), or if its
     *         header is another segment's (a recycled file whose new header a power failure lost before it reached
     *         the device: {@link SegmentRecycler}); true otherwise, also when the file is gone or unreadable (the
     *         caller that reads it reports that).
     */
    public static boolean isPublished(Path segment) {
        ByteBuffer start = ByteBuffer.allocate(SegmentLayout.INDEX_OFFSET + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // read the magic and the segment number
            }
        } catch (IOException e) {
            return true;
        }
        if (start.position() < Long.BYTES || start.getLong(SegmentLayout.MAGIC_OFFSET) == 0) {
            return false;
        }
        long named = numberOf(segment);
        return start.hasRemaining() || named < 0 || start.getLong(SegmentLayout.INDEX_OFFSET) == named;
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
     * Allocates (real blocks) and maps a segment under its final name with an all-zero header: until
     * {@link #publish} writes the magic, {@link #list}, readers and tools do not see it. The writer's helper thread
     * prepares the next segment this way ahead of the roll, so the roll itself makes no file-system call: on these
     * machines a rename or a file creation takes 0.1-0.5 ms, a roll that only stores into memory a few
     * microseconds.
     *
     * @param dir   the queue directory.
     * @param index the segment's number.
     * @param size  the file length.
     * @param hugePages whether to ask for huge page-cache folios: for a writer that stores records through the
     *                  mapping (fewer faults); not for one that writes staged batches through the file, where a huge
     *                  folio made by a fault makes each small write walk all its blocks.
     * @return the mapping.
     * @throws QueueException if the disk is full or the file exists; no file is left behind.
     */
    public static MappedFile prepare(Path dir, long index, int size, boolean hugePages) {
        Path file = path(dir, index);
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new QueueException(file + ": cannot create segment: " + e.getMessage(), e);
        }
        try {
            NativeIO.allocate(file, size);
            MappedFile mapped = MappedFile.map(file, true);
            if (hugePages) {
                NativeIO.adviseHugePages(mapped.address(), mapped.length());
            }
            return mapped;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new QueueException(file + ": cannot create segment: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the header of a prepared segment, the magic last with a release store: from then on it is a segment.
     * Memory stores only (the page is pre-touched by the preparation).
     *
     * @param prepared     the mapping from {@link #prepare}.
     * @param index        the segment's number.
     * @param baseSequence the sequence of its first record.
     */
    public static void publish(MappedFile prepared, long index, long baseSequence) {
        UnsafeBuffer header = prepared.buffer();
        header.putInt(SegmentLayout.VERSION_OFFSET, SegmentLayout.VERSION);
        header.putLong(SegmentLayout.INDEX_OFFSET, index);
        header.putLong(SegmentLayout.BASE_SEQUENCE_OFFSET, baseSequence);
        header.putLong(SegmentLayout.SIZE_OFFSET, prepared.length());
        header.putLong(SegmentLayout.CREATED_OFFSET, System.currentTimeMillis() * 1_000_000L);
        header.putLongRelease(SegmentLayout.MAGIC_OFFSET, SegmentLayout.MAGIC);
    }

    /**
     * Deletes what a crashed writer left behind: temporary files of earlier versions ({@code .q.tmp},
     * {@code .q.prep-<n>}), a spare being recycled ({@code .q.spare}, {@link SegmentRecycler}) and a newest segment
     * that was prepared but never published, with its index. Call with the writer lock held.
     *
     * @param dir the queue directory.
     */
    public static void deleteLeftovers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".q.tmp") || p.toString().contains(".q.prep-")
                            || p.toString().endsWith(".q" + SegmentRecycler.SPARE_SUFFIX))
                    .forEach(SegmentFiles::deleteQuietly);
        } catch (IOException ignored) {
            // nothing to clean
        }
        long[] all = listFiles(dir);
        if (all.length > 0 && !isPublished(path(dir, all[all.length - 1]))) {
            deleteQuietly(path(dir, all[all.length - 1]));
            deleteQuietly(dir.resolve(SegmentLayout.indexFileName(all[all.length - 1])));
        }
    }

    /**
     * Unmaps and deletes a prepared segment that will not be used (never published).
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
