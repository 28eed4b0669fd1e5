package chronicle.ingest.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did.
 *
 * @param queue          the archive queue published (or that already held these inputs).
 * @param skipped        true if the ledger showed the same inputs imported already (nothing was done).
 * @param rows           input rows read.
 * @param events         records written, gap markers included.
 * @param gaps           gap markers written.
 * @param gapNotes       what each gap was.
 * @param firstTimestamp first record's journal timestamp.
 * @param lastTimestamp  last record's journal timestamp.
 */
public record ImportResult(Path queue, boolean skipped, long rows, long events, long gaps, List<String> gapNotes,
                           long firstTimestamp, long lastTimestamp) {
}
