package chronicle.api.strategy;

/**
 * A market a strategy receives and trades, named as people name it.
 *
 * @param index         its position in {@link Context#instruments()}.
 * @param venue         the venue's name (for example {@code binance}).
 * @param symbol        the symbol (for example {@code BTCUSDT}).
 * @param venueId       the venue's id in the registry.
 * @param marketId      the market's id in the registry.
 * @param priceExponent price = mantissa x 10^priceExponent.
 * @param sizeExponent  quantity = mantissa x 10^sizeExponent.
 */
public record Instrument(int index, String venue, String symbol, int venueId, long marketId, int priceExponent,
                         int sizeExponent) {

    /** @return {@code venue symbol}, as outputs name it. */
    public String label() {
        return venue + " " + symbol;
    }

    /**
     * @param mantissa a price mantissa.
     * @return the price as a number (for reports and logs, not for order arithmetic).
     */
    public double price(long mantissa) {
        return mantissa * Math.pow(10, priceExponent);
    }

    /**
     * @param mantissa a quantity mantissa.
     * @return the quantity as a number (for reports and logs).
     */
    public double size(long mantissa) {
        return mantissa * Math.pow(10, sizeExponent);
    }
}
