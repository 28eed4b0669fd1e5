package chronicle.core.internal.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a reader knows about a queue's segments: base sequence, sealed or not, largest timestamp, and the seek index
 * of sealed segments, which never change. Seeks into sealed segments then cost no system call; the directory is
 * listed again only when a seek goes past what is known.
 *
 * <p>Not thread-safe: one per reader.
 */
public final class SegmentCatalog {

    /**
     * One segment as known.
     *
     * @param index        the segment number.
     * @param baseSequence its first sequence.
     * @param sealed       whether it is sealed (then nothing about it changes any more).
     * @param maxTimestamp its largest timestamp if sealed, else Long.MAX_VALUE (unknown).
     */
    public record Entry(long index, long baseSequence, boolean sealed, long maxTimestamp) {
    }

    private final Path dir;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<Long, SeekIndex> sealedIndexes = new TreeMap<>();

    /**
     * @param dir the queue directory.
     */
    public SegmentCatalog(Path dir) {
        this.dir = dir;
    }

    /** Lists the directory again: forgets deleted segments, learns new ones and re-reads unsealed headers. */
    public void refresh() {
        long[] present = SegmentFiles.list(dir);
        TreeMap<Long, Entry> seen = new TreeMap<>();
        for (long index : present) {
            Entry known = entries.get(index);
            if (known != null && known.sealed()) {
                seen.put(index, known);
                continue;
            }
            Optional<SegmentHeader> header = SegmentHeader.readIfExists(SegmentFiles.path(dir, index));
            header.ifPresent(h -> seen.put(index, new Entry(index, h.baseSequence(), h.sealed(),
                    h.sealed() ? h.maxTimestamp() : Long.MAX_VALUE)));
        }
        sealedIndexes.keySet().retainAll(seen.keySet());
        entries.clear();
        entries.putAll(seen);
    }

    /** @return the known segments, oldest first. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /**
     * The segment that holds a sequence, refreshing first if the sequence lies at or past the newest known segment.
     *
     * @param sequence a sequence.
     * @return the last segment whose base is at or before it, or empty if every segment starts after it.
     */
    public Optional<Entry> floorBySequence(long sequence) {
        if (entries.isEmpty() || sequence >= entries.lastEntry().getValue().baseSequence()) {
            refresh();
        }
        Entry found = null;
        for (Entry e : entries.values()) {
            if (e.baseSequence() > sequence) {
                break;
            }
            found = e;
        }
        return Optional.ofNullable(found);
    }

    /**
     * The first segment that may hold a record at or after a time: the first sealed segment whose largest
     * timestamp reaches it, else (after a refresh) the first unsealed one.
     *
     * @param timestamp epoch nanoseconds.
     * @return the segment, or empty if none can.
     */
    public Optional<Entry> firstReaching(long timestamp) {
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 || entries.isEmpty()) {
                refresh();
            }
            for (Entry e : entries.values()) {
                if (e.maxTimestamp() >= timestamp) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param entry a known segment.
     * @return its seek index: cached once the segment is sealed, read fresh while it is active.
     */
    public SeekIndex index(Entry entry) {
        if (!entry.sealed()) {
            return SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(entry.index())));
        }
        return sealedIndexes.computeIfAbsent(entry.index(),
                i -> SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(i))));
    }
}
