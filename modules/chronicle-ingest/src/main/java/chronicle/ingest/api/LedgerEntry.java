package chronicle.ingest.api;

import java.util.List;

/**
 * One import as the ledger remembers it.
 *
 * @param vendor         the adapter's name.
 * @param adapterVersion the adapter's version.
 * @param inputs         the input files with their SHA-256.
 * @param venue          venue name.
 * @param symbol         symbol as the vendor spells it.
 * @param stream         stream.
 * @param queue          the archive queue it published.
 * @param rows           data rows read (header lines are not rows).
 * @param otherRows    of those, the rows of other symbols (or streams) skipped; 0 in entries written before
 *                       the ledger had this field.
 * @param events         records written (gap markers included).
 * @param gaps           gap markers written.
 * @param gapNotes       what each gap was.
 * @param firstTimestamp first record's journal timestamp, epoch ns.
 * @param lastTimestamp  last record's journal timestamp, epoch ns.
 * @param importedAt     when, epoch ms.
 */
public record LedgerEntry(String vendor, String adapterVersion, List<Input> inputs, String venue, String symbol,
                          String stream, String queue, long rows, long otherRows, long events, long gaps,
                          List<String> gapNotes, long firstTimestamp, long lastTimestamp, long importedAt) {

    /**
     * An input file.
     *
     * @param path   its path as given.
     * @param size   its size.
     * @param sha256 its SHA-256, hex.
     */
    public record Input(String path, long size, String sha256) {
    }

    /**
     * @param other another entry.
     * @return whether both imported the same bytes for the same target (then re-running is a no-op).
     */
    public boolean sameImportAs(LedgerEntry other) {
        return vendor.equals(other.vendor) && venue.equals(other.venue) && symbol.equals(other.symbol)
                && stream.equals(other.stream)
                && inputs.stream().map(Input::sha256).toList().equals(other.inputs.stream().map(Input::sha256).toList());
    }
}
