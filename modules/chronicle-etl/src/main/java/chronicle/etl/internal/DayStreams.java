package chronicle.etl.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.RecordSource;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens archived stream days: through the manifest and the tiers when the day has one (its segments may have
 * moved to NFS or S3), else as the hot queue under the archive root, every record's checksum checked.
 */
final class DayStreams {

    private final Tiers tiers;

    DayStreams(Tiers tiers) {
        this.tiers = tiers;
    }

    /**
     * @param day a stream day.
     * @return true if the archive holds it (a manifest or a hot queue).
     */
    boolean exists(StreamDay day) {
        Path root = tiers.archiveRoot();
        return Files.exists(Manifest.file(root, day)) || ChronicleQueue.isQueue(day.queueDir(root));
    }

    /**
     * @param day a stream day that {@link #exists}.
     * @return an opener of readers over it.
     */
    RecordSource.Opener opener(StreamDay day) {
        Path root = tiers.archiveRoot();
        if (Files.exists(Manifest.file(root, day))) {
            return TieredReader.opener(tiers, day, TieredReader.Options.forReplay());
        }
        // an extract is written once and read for years: a flipped bit must stop it, not become a wrong row
        return RecordSource.Opener.ofQueue(day.queueDir(root), true);
    }
}
