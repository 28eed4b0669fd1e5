package chronicle.bus.api;

/**
 * A market as people name it: the venue and the symbol as the venue spells it ({@code kraken}, {@code XBT/USD}).
 *
 * @param venue  the venue's name.
 * @param symbol the symbol.
 */
public record MarketName(String venue, String symbol) {

    /**
     * @param key {@code venue/symbol}, as in {@code ids.json}; the venue ends at the first {@code /}.
     * @return the name.
     * @throws IllegalArgumentException if the venue or the symbol is empty.
     */
    public static MarketName ofKey(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("'" + key + "' is not venue/symbol");
        }
        return new MarketName(key.substring(0, slash), key.substring(slash + 1));
    }

    /** @return {@code venue/symbol}, the market's key in {@code ids.json} and in a symbol map. */
    public String key() {
        return venue + "/" + symbol;
    }

    /** @return {@code venue symbol}, as outputs name the market ({@code kraken XBT/USD}). */
    @Override
    public String toString() {
        return venue + " " + symbol;
    }
}
