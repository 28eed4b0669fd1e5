package chronicle.ingest.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import is asked to read.
 *
 * @param inputs   the input files, in the order given (for LOBSTER: message file, then orderbook file).
 * @param venue    the venue as the user names it (for example {@code binance}).
 * @param symbol   the symbol as the vendor spells it (for example {@code XBT/USD}); adapters of multi-symbol files
 *                 import only this symbol's rows.
 * @param stream   what to import: {@code book}, {@code trades}, {@code quotes}.
 * @param venueId  the venue's id in the archive (from the archive's id registry).
 * @param marketId the symbol's market id in the archive.
 * @param onError  what bad input does.
 * @param opener   opens an input, decompressing {@code .gz}, {@code .zst} (any installed compressor) by name.
 */
public record ImportRequest(List<Path> inputs, String venue, String symbol, String stream, int venueId,
                            long marketId, OnError onError, InputOpener opener) {
}
