package chronicle.ingest.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did.
 *
 * @param queue          the archive queue published (or that already held these inputs).
 * @param skipped        true if the ledger showed the same inputs imported already (nothing was done).
 * @param rows           data rows read (header lines are not rows).
 * @param otherRows    of those, the rows of other symbols (or streams) skipped.
 * @param events         records written, gap markers included.
 * @param gaps           gap markers written.
 * @param gapNotes       what each gap was.
 * @param firstTimestamp first record's journal timestamp.
 * @param lastTimestamp  last record's journal timestamp.
 * @param added          records an {@link ImportTap} added (injected snapshots), not counted in {@code events}.
 */
public record ImportResult(Path queue, boolean skipped, long rows, long otherRows, long events, long gaps,
                           List<String> gapNotes, long firstTimestamp, long lastTimestamp, long added) {
}
