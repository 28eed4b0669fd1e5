package chronicle.plugin.importer.tardis;

import chronicle.protocol.api.StreamKind;

/** The Tardis.dev CSV data types this adapter reads, told apart by their header row. */
enum Format {
    /** {@code incremental_book_L2}: one row per changed level, rows of one message share {@code local_timestamp}. */
    INCREMENTAL_BOOK_L2("incremental_book_L2", StreamKind.BOOK),
    /** {@code book_snapshot_25}, {@code book_snapshot_5} (any depth): one row per snapshot of the top levels. */
    BOOK_SNAPSHOT("book_snapshot_N", StreamKind.BOOK),
    /** {@code trades}: one row per trade. */
    TRADES("trades", StreamKind.TRADES),
    /** {@code quotes}: one row per top-of-book change. */
    QUOTES("quotes", StreamKind.QUOTES);

    private final String label;
    private final StreamKind stream;

    Format(String label, StreamKind stream) {
        this.label = label;
        this.stream = stream;
    }

    String label() {
        return label;
    }

    StreamKind stream() {
        return stream;
    }
}
