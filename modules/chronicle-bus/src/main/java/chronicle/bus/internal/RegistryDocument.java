package chronicle.bus.internal;

import java.util.Map;

/**
 * The JSON of a registry file ({@code ids.json}) as written: version, venues, markets. Files written before the
 * version field existed have none, which reads as version 1.
 *
 * @param version the format version (null: 1).
 * @param venues  venue name to venue id.
 * @param markets {@code venue/symbol} to market id.
 */
public record RegistryDocument(Integer version, Map<String, Integer> venues, Map<String, Long> markets) {
}
