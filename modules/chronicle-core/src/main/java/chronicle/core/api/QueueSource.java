package chronicle.core.api;

/** A {@link RecordSource} that owns its queue: closing it closes the reader and the queue. */
final class QueueSource implements RecordSource {

    private final ChronicleQueue queue;
    private final QueueReader reader;

    QueueSource(ChronicleQueue queue, QueueReader reader) {
        this.queue = queue;
        this.reader = reader;
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
        try {
            reader.close();
        } finally {
            queue.close();
        }
    }
}
