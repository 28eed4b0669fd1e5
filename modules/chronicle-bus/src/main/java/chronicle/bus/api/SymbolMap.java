package chronicle.bus.api;

import chronicle.bus.internal.IdTable;
import chronicle.bus.internal.StrictJson;
import chronicle.bus.internal.SymbolMapDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A symbol map: ids pinned for venues and markets before they are first registered, so two roots (or a rebuilt
 * root) give the same names the same ids. Commands that register names take it as {@code --symbol-map FILE}.
 *
 * <pre>{@code
 * {
 *   "venues":  { "demo": 1, "kraken": 7 },
 *   "symbols": { "demo/BTC-USD": 1, "kraken/XBT/USD": 100 }
 * }
 * }</pre>
 * Both fields are optional. Ids are whole numbers from 1; no two venues, and no two markets, share an id. A symbol's
 * venue need not be pinned. A pin only applies when a name is registered for the first time: a name the registry
 * already holds with another id is refused ({@link MarketRegistry#assign(String, String, SymbolMap)}).
 *
 * @param file    where the map was read from (null for {@link #NONE}).
 * @param venues  venue name to pinned id.
 * @param symbols {@code venue/symbol} to pinned market id.
 */
public record SymbolMap(Path file, Map<String, Integer> venues, Map<String, Long> symbols) {

    /** No pins. */
    public static final SymbolMap NONE = new SymbolMap(null, Map.of(), Map.of());

    /** Copies both maps. */
    public SymbolMap {
        venues = Map.copyOf(venues);
        symbols = Map.copyOf(symbols);
    }

    /**
     * Reads a symbol map strictly (unknown fields, wrong types, ids below 1, an id given to two names: each a
     * {@link ConfigException} naming the file and the field).
     *
     * @param file the JSON file.
     * @return the map.
     */
    public static SymbolMap read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "$", "file not found", "create it (see docs/FORMATS.md, symbol map) or "
                    + "correct --symbol-map");
        } catch (IOException e) {
            throw new ConfigException(file, "$", "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        SymbolMapDocument doc = StrictJson.read(file, json, SymbolMapDocument.class);
        if (doc == null) {
            throw new ConfigException(file, "$", "the file holds null", "write a JSON object");
        }
        IdTable pins = IdTable.checked(file, doc.venues(), doc.symbols(), "symbols", false);
        return new SymbolMap(file, pins.venues(), pins.markets());
    }

    /**
     * @param file a symbol map, or null.
     * @return the map read from it, or {@link #NONE} for null.
     */
    public static SymbolMap readOrNone(Path file) {
        return file == null ? NONE : read(file);
    }
}
