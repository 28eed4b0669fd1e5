package chronicle.bus.api;

/**
 * The JSON content of a lease file.
 *
 * @param role        writer or reader.
 * @param queue       the queue directory (absolute).
 * @param name        the holder's name for itself.
 * @param pid         process id.
 * @param startMillis process start, epoch ms.
 * @param host        host name.
 * @param ready       the ready marker.
 */
public record LeaseRecord(String role, String queue, String name, long pid, long startMillis, String host,
                          boolean ready) {

    /** @return a copy with the ready marker set. */
    public LeaseRecord markedReady() {
        return new LeaseRecord(role, queue, name, pid, startMillis, host, true);
    }
}
