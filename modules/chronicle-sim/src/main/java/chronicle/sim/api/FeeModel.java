package chronicle.sim.api;

/**
 * What each fill costs: a maker rate for fills of resting orders and a taker rate for fills that took liquidity,
 * either per traded value (a rate: {@code 0.0002} is 2 basis points) or per quantity (quote currency per unit).
 * A negative rate is a rebate. Fees are charged per side: on every fill of the strategy's orders.
 *
 * @param makerRate rate for maker fills.
 * @param takerRate rate for taker fills.
 * @param basis     what the rate applies to.
 */
public record FeeModel(double makerRate, double takerRate, Basis basis) {

    /** What a fee rate multiplies. */
    public enum Basis {
        /** price x quantity. */
        VALUE,
        /** quantity alone. */
        QUANTITY
    }

    /** No fees. */
    public static final FeeModel NONE = new FeeModel(0, 0, Basis.VALUE);

    /** Checks the rates. */
    public FeeModel {
        if (!Double.isFinite(makerRate) || !Double.isFinite(takerRate) || basis == null) {
            throw new IllegalArgumentException("fee rates must be numbers and the basis VALUE or QUANTITY");
        }
    }

    /**
     * @param price    the fill's price (a number).
     * @param quantity the fill's quantity (a number).
     * @param maker    whether the order rested.
     * @return the fee in the quote currency (negative: a rebate).
     */
    public double fee(double price, double quantity, boolean maker) {
        double rate = maker ? makerRate : takerRate;
        return basis == Basis.VALUE ? rate * price * quantity : rate * quantity;
    }
}
