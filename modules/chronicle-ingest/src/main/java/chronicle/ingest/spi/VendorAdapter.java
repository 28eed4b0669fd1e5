package chronicle.ingest.spi;

import chronicle.pluginhost.spi.Plugin;

import java.io.IOException;

/**
 * A vendor's file format, turned into market-data protocol events with bounded memory whatever the file size.
 * Built-in providers: {@code tardis}, {@code lobster}, {@code binance}. A user adds a vendor by dropping a jar that
 * provides this interface into {@code plugins/}.
 *
 * <p>The adapter knows its vendor's rules: which rows form one venue message (one event), how update ids chain,
 * when a break must become a gap marker. The pipeline around it stages the output, checks what it can check
 * generically, publishes atomically and records the import in the ledger.
 *
 * <p><b>Thread safety:</b> providers are shared; each {@link ImportSource} is used by one thread.
 */
public interface VendorAdapter extends Plugin {

    /**
     * Starts reading the inputs of one import.
     *
     * @param request the inputs and what they are.
     * @return a streaming source of events.
     * @throws IOException if an input cannot be opened, or {@link ImportException} if it is not this vendor's format.
     */
    ImportSource open(ImportRequest request) throws IOException;
}
