package chronicle.cli.internal;

import java.nio.file.Path;

/** Where the snapshots of an archive queue live by default. */
final class SnapshotRoots {

    private SnapshotRoots() {
    }

    /**
     * @param queue an archive queue laid out as {@code <archive-root>/<stream>/queue/<name>}.
     * @return {@code <archive-root>/snapshots}, or {@code <queue>/snapshots} for a queue laid out otherwise.
     */
    static Path of(Path queue) {
        Path abs = queue.toAbsolutePath().normalize();
        Path queueDir = abs.getParent();
        if (queueDir != null && "queue".equals(String.valueOf(queueDir.getFileName()))
                && queueDir.getParent() != null && queueDir.getParent().getParent() != null) {
            return queueDir.getParent().getParent().resolve("snapshots");
        }
        return abs.resolve("snapshots");
    }
}
