/**
 * Vendor adapter plug-in for Binance depth captures: REST depth snapshots and websocket depth diffs (plus
 * bookTicker and aggTrade) in the cryptofeed capture format or as plain JSON lines, synchronised by Binance's
 * update-id rules (spot {@code U}/{@code u}, futures {@code pu}).
 */
module chronicle.plugin.importer.binance {
    requires chronicle.ingest;

    provides chronicle.ingest.spi.VendorAdapter with chronicle.plugin.importer.binance.BinanceAdapter;
}
