package chronicle.etl.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;

import java.nio.file.Path;

/**
 * A hot archive queue read with every record's CRC32C checked: an extract is written once and read for years, so a
 * flipped bit in the archive must stop it ({@link RecordSource#CORRUPT}) rather than become a wrong row. Closing it
 * closes the reader and the queue.
 */
final class CheckedQueueSource implements RecordSource {

    private final ChronicleQueue queue;
    private final QueueReader reader;

    private CheckedQueueSource(ChronicleQueue queue, QueueReader reader) {
        this.queue = queue;
        this.reader = reader;
    }

    /**
     * @param dir a queue directory.
     * @return an opener of checked readers over it.
     */
    static Opener opener(Path dir) {
        return start -> open(dir, start);
    }

    private static RecordSource open(Path dir, StartPosition start) {
        ChronicleQueue queue = ChronicleQueue.openExisting(dir);
        try {
            return new CheckedQueueSource(queue, queue.createReader(start).verifyChecksums(true));
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    @Override
    public int poll(RecordHandler handler, int limit) {
        return reader.poll(handler, limit);
    }

    @Override
    public long nextSequence() {
        return reader.nextSequence();
    }

    @Override
    public String lastError() {
        return reader.lastError();
    }

    @Override
    public void close() {
        try (queue) {
            reader.close();
        }
    }
}
