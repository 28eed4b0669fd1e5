package chronicle.bus.internal;

import java.util.Map;

/**
 * The JSON of a symbol map file.
 *
 * @param venues  venue name to pinned venue id.
 * @param symbols {@code venue/symbol} to pinned market id.
 */
public record SymbolMapDocument(Map<String, Integer> venues, Map<String, Long> symbols) {
}
