package chronicle.ingest.api;

import chronicle.ingest.spi.OnError;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One {@code chronicle import}.
 *
 * @param vendor      the adapter's name.
 * @param inputs      input files.
 * @param archiveRoot the archive root.
 * @param venue       venue name.
 * @param symbol      symbol as the vendor spells it.
 * @param date        the UTC day of the archive queue, or null for the day of the first event.
 * @param stream      {@code book}, {@code trades}, {@code quotes}.
 * @param onError     what bad input does.
 * @param force       import even if the ledger says these inputs were imported, replacing the queue.
 */
public record ImportJob(String vendor, List<Path> inputs, Path archiveRoot, String venue, String symbol,
                        LocalDate date, String stream, OnError onError, boolean force) {
}
