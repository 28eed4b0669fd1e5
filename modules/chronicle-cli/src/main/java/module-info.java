/**
 * Layer 4: the {@code chronicle} command line. Exports nothing; the launcher runs
 * {@code chronicle.cli.internal.Main}.
 */
module chronicle.cli {
    requires chronicle.core;
    requires chronicle.pluginhost;
    requires chronicle.protocol;
    requires chronicle.bus;
    requires chronicle.storage;
    requires chronicle.replay;
    requires chronicle.ingest;
    requires chronicle.etl;
    requires chronicle.sim;
    requires chronicle.api;
    requires chronicle.framework;
    requires chronicle.feed.binance;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.logging;

    uses chronicle.replay.spi.SnapshotCodec;
    uses chronicle.api.spi.StrategyFactory;

    opens chronicle.cli.internal to info.picocli;
}
