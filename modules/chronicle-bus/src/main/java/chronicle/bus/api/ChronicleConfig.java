package chronicle.bus.api;

import java.nio.file.Path;

/**
 * The platform configuration, read from {@code config/chronicle.json} by {@link ConfigLoader}.
 *
 * <pre>{@code
 * {
 *   "busRoot": "demo_bus",             // required: live queues, leases and readers live under it
 *   "archiveRoot": "demo_bus/archive"  // required: archive queues, raw archive and snapshots
 * }
 * }</pre>
 * Relative paths are resolved against the working directory of the process that reads the file.
 *
 * @param busRoot     root of the bus: {@code <busRoot>/live/<stream>/queue/<name>}.
 * @param archiveRoot root of the archive: archive queues, {@code raw/v1/...}, {@code snapshots/...}.
 */
public record ChronicleConfig(Path busRoot, Path archiveRoot) {
}
