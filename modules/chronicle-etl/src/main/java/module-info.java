/**
 * Layer 4: research extracts. Reads the archived stream days of a market (across tiers), rebuilds the book with
 * {@code chronicle.replay}, samples features (mid, spread, microprice, imbalance, levels, trades) and writes them
 * as files that DuckDB, Spark, Trino or pandas read directly, through the {@link chronicle.etl.spi.ExtractSink}
 * plug-ins (CSV built in, Parquet as a drop-in).
 */
module chronicle.etl {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.protocol;
    requires transitive chronicle.bus;
    requires transitive chronicle.storage;
    requires chronicle.ingest;
    requires transitive chronicle.replay;

    exports chronicle.etl.api;
    exports chronicle.etl.spi;

    uses chronicle.etl.spi.ExtractSink;

    provides chronicle.etl.spi.ExtractSink with chronicle.etl.internal.sink.CsvSink;
}
