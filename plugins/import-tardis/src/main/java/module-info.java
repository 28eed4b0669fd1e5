/**
 * Vendor adapter plug-in for Tardis.dev CSV files: {@code incremental_book_L2}, {@code book_snapshot_25} /
 * {@code book_snapshot_5}, {@code trades} and {@code quotes}, streamed with bounded memory.
 */
module chronicle.plugin.importer.tardis {
    requires chronicle.ingest;

    provides chronicle.ingest.spi.VendorAdapter with chronicle.plugin.importer.tardis.TardisAdapter;
}
