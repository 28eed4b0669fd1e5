/** Vendor import plug-in: LOBSTER message files (with their orderbook files) as L3 order-by-order events. */
module chronicle.plugin.importer.lobster {
    requires chronicle.ingest;

    provides chronicle.ingest.spi.VendorAdapter with chronicle.plugin.importer.lobster.LobsterAdapter;
}
