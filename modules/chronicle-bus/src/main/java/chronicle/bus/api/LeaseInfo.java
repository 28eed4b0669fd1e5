package chronicle.bus.api;

import java.nio.file.Path;

/**
 * A lease as read from {@code <bus-root>/leases/}: who writes or reads which queue, and whether it still lives.
 *
 * @param file            the lease file.
 * @param role            {@code writer} or {@code reader}.
 * @param queue           the queue directory.
 * @param name            the process's name for itself (a launcher name, a reader name).
 * @param pid             its process id.
 * @param startMillis     its process start time, epoch ms.
 * @param ready           whether the writer said it is ready (queue open, appending).
 * @param heartbeatMillis last heartbeat, epoch ms.
 * @param stale           the process is gone, or the heartbeat is older than the timeout.
 */
public record LeaseInfo(Path file, String role, Path queue, String name, long pid, long startMillis, boolean ready,
                        long heartbeatMillis, boolean stale) {
}
