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

    /** 10^e for e from -{@value #POW10_BIAS} to +{@value #POW10_BIAS}, as {@link Math#pow} gives them. */
    private static final int POW10_BIAS = 40;
    private static final double[] POW10 = new double[2 * POW10_BIAS + 1];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Math.pow(10, i - POW10_BIAS);
        }
    }

    /** @return {@code venue symbol}, as outputs name it. */
    public String label() {
        return venue + " " + symbol;
    }

    /**
     * @param mantissa a price mantissa.
     * @return the price as a number (for reports and logs, not for order arithmetic).
     */
    public double price(long mantissa) {
        return mantissa * pow10(priceExponent);
    }

    /**
     * @param mantissa a quantity mantissa.
     * @return the quantity as a number (for reports and logs).
     */
    public double size(long mantissa) {
        return mantissa * pow10(sizeExponent);
    }

    // a table look-up, not Math.pow: prices are converted on every book event of a backtest
    private static double pow10(int exponent) {
        int i = exponent + POW10_BIAS;
        return i >= 0 && i < POW10.length ? POW10[i] : Math.pow(10, exponent);
    }
}
