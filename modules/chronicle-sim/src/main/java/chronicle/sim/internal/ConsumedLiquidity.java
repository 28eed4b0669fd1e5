package chronicle.sim.internal;

/**
 * The displayed quantity the strategy's own taker fills used up at each price since the book last changed: the
 * historical book does not know of those fills, so without this two orders between the same two book events would
 * take the same liquidity twice. Cleared at every book event of the market. Allocation-free once grown.
 */
final class ConsumedLiquidity {

    private long[] prices = new long[8];
    private long[] quantities = new long[8];
    private int count;

    /** Forgets everything (the book changed). */
    void clear() {
        count = 0;
    }

    /** @param price a price. @return the quantity already taken there. */
    long at(long price) {
        for (int i = 0; i < count; i++) {
            if (prices[i] == price) {
                return quantities[i];
            }
        }
        return 0;
    }

    /** @param price a price. @param quantity taken there now. */
    void add(long price, long quantity) {
        for (int i = 0; i < count; i++) {
            if (prices[i] == price) {
                quantities[i] += quantity;
                return;
            }
        }
        if (count == prices.length) {
            prices = java.util.Arrays.copyOf(prices, count * 2);
            quantities = java.util.Arrays.copyOf(quantities, count * 2);
        }
        prices[count] = price;
        quantities[count++] = quantity;
    }
}
