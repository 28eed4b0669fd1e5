/**
 * Layer 2: historical vendor data into the archive. The pipeline ({@code chronicle.ingest.api}) stages, checks,
 * publishes and records imports; vendor formats are plug-ins behind {@link chronicle.ingest.spi.VendorAdapter},
 * built from the toolkit in {@code chronicle.ingest.spi} (line reader, fields and fixed-point numbers, event-header
 * writer). Compressed inputs arrive decompressed through the {@link chronicle.ingest.spi.InputOpener} that the
 * application composes from its compressors. {@code chronicle.ingest.api.binance} holds Binance's message parser and
 * book-synchronisation rules, shared by the Binance import plug-in and the live Binance feed.
 */
module chronicle.ingest {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.protocol;
    requires transitive chronicle.bus;
    requires com.fasterxml.jackson.databind;

    exports chronicle.ingest.api;
    exports chronicle.ingest.spi;
    exports chronicle.ingest.api.binance;
    opens chronicle.ingest.api to com.fasterxml.jackson.databind;

    uses chronicle.ingest.spi.VendorAdapter;
}
