/**
 * Binance's wire messages and book-synchronisation rules, in one place for every reader of Binance data: the import
 * plug-in (capture files) and the live feed ({@code chronicle.feed.binance}). {@link
 * chronicle.ingest.api.binance.BinanceMessageParser} turns the JSON of one websocket message or REST reply into a
 * {@link chronicle.ingest.api.binance.BinanceMessage} (prices and sizes as mantissas); {@link
 * chronicle.ingest.api.binance.BookSync} decides what to do with each snapshot and diff.
 */
package chronicle.ingest.api.binance;
