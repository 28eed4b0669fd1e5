/**
 * Layer 2: historical vendor data into the archive. The pipeline ({@code chronicle.ingest.api}) stages, checks,
 * publishes and records imports; vendor formats are plug-ins behind {@link chronicle.ingest.spi.VendorAdapter}.
 */
module chronicle.ingest {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.core;
    requires transitive chronicle.protocol;
    requires transitive chronicle.bus;
    requires chronicle.storage;
    requires com.fasterxml.jackson.databind;

    exports chronicle.ingest.api;
    exports chronicle.ingest.spi;
    opens chronicle.ingest.api to com.fasterxml.jackson.databind;

    uses chronicle.ingest.spi.VendorAdapter;
    uses chronicle.storage.spi.Compressor;
}
