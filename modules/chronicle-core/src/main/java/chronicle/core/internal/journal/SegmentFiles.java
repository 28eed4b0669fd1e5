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
import java.util.stream.Stream;

/** Finding, creating and deleting the segment files of a queue directory. */
public final class SegmentFiles {

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
        Path target = path(dir, index);
        Path tmp = dir.resolve(SegmentLayout.fileName(index) + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            NativeIO.allocate(tmp, size);
            try (MappedFile mapped = MappedFile.map(tmp, true)) {
                UnsafeBuffer header = mapped.buffer();
                header.putLong(SegmentLayout.MAGIC_OFFSET, SegmentLayout.MAGIC);
                header.putInt(SegmentLayout.VERSION_OFFSET, SegmentLayout.VERSION);
                header.putLong(SegmentLayout.INDEX_OFFSET, index);
                header.putLong(SegmentLayout.BASE_SEQUENCE_OFFSET, baseSequence);
                header.putLong(SegmentLayout.SIZE_OFFSET, size);
                header.putLong(SegmentLayout.CREATED_OFFSET, System.currentTimeMillis() * 1_000_000L);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return MappedFile.map(target, true);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the message below matters more
            }
            throw new QueueException(target + ": cannot create segment: " + e.getMessage(), e);
        }
    }
}
