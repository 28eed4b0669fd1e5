package chronicle.sim.internal;

import chronicle.api.strategy.Instrument;

import java.util.List;

/**
 * Money and positions, per instrument and in total, at exchange time (a fill counts when the exchange makes it,
 * not when the strategy hears of it). Average-cost accounting: a fill that adds to a position moves the average
 * price; one that reduces it realizes {@code (price - average) x quantity}. Positions are marked at the last mid.
 *
 * <p>Identities that hold after every call: {@code equity = cash + sum(position x mid)}, and
 * {@code equity - initialCash = sum(realized + unrealized - fees)}. Fees are charged on every fill (per side).
 * Allocation-free. <b>Not thread-safe.</b>
 */
final class Accountant {

    private final double initialCash;
    private final double[] priceScale;
    private final double[] sizeScale;
    private final long[] position;
    private final double[] average;
    private final double[] realized;
    private final double[] fees;
    private final double[] mid;
    private final double[] traded;
    private double cash;
    /** Instruments with a position: equity is cash alone while it is 0 (most events of most runs). */
    private int open;

    /**
     * @param instruments the instruments, in index order.
     * @param initialCash the cash at the start.
     */
    Accountant(List<Instrument> instruments, double initialCash) {
        int n = instruments.size();
        this.initialCash = initialCash;
        this.cash = initialCash;
        priceScale = new double[n];
        sizeScale = new double[n];
        position = new long[n];
        average = new double[n];
        realized = new double[n];
        fees = new double[n];
        mid = new double[n];
        traded = new double[n];
        for (Instrument i : instruments) {
            priceScale[i.index()] = Math.pow(10, i.priceExponent());
            sizeScale[i.index()] = Math.pow(10, i.sizeExponent());
            mid[i.index()] = Double.NaN;
        }
    }

    /**
     * Books a fill.
     *
     * @param instrument the index.
     * @param buy        whether the strategy bought.
     * @param price      price mantissa.
     * @param quantity   quantity mantissa.
     * @param fee        fee in the quote currency (negative: rebate).
     */
    void fill(int instrument, boolean buy, long price, long quantity, double fee) {
        double p = price * priceScale[instrument];
        double q = quantity * sizeScale[instrument];
        long before = position[instrument];
        long signed = buy ? quantity : -quantity;
        cash -= (buy ? q : -q) * p + fee;
        fees[instrument] += fee;
        traded[instrument] += p * q;
        if (before == 0 || Long.signum(before) == Long.signum(signed)) {
            double held = Math.abs(before) * sizeScale[instrument];
            average[instrument] = (average[instrument] * held + p * q) / (held + q);
        } else {
            long closing = Math.min(Math.abs(before), quantity);
            realized[instrument] += closing * sizeScale[instrument] * (p - average[instrument])
                    * Long.signum(before);
            if (quantity > Math.abs(before)) {
                average[instrument] = p; // the position flipped: the rest opened at this price
            } else if (before + signed == 0) {
                average[instrument] = 0;
            }
        }
        position[instrument] = before + signed;
        if (before == 0 && position[instrument] != 0) {
            open++;
        } else if (before != 0 && position[instrument] == 0) {
            open--;
        }
        if (Double.isNaN(mid[instrument])) {
            mid[instrument] = p;
        }
    }

    /** @param instrument the index. @param mid the mid price now (a number). */
    void mark(int instrument, double mid) {
        this.mid[instrument] = mid;
    }

    /** @return cash now. */
    double cash() {
        return cash;
    }

    /** @return cash at the start. */
    double initialCash() {
        return initialCash;
    }

    /** @return cash plus every position at its mid. */
    double equity() {
        if (open == 0) {
            return cash;
        }
        double equity = cash;
        for (int i = 0; i < position.length; i++) {
            equity += positionValue(i);
        }
        return equity;
    }

    /** @param instrument the index. @return the position at its mid (0 when flat or never marked). */
    double positionValue(int instrument) {
        return position[instrument] == 0 ? 0 : position[instrument] * sizeScale[instrument] * mid[instrument];
    }

    /** @param instrument the index. @return the signed position, size mantissa. */
    long position(int instrument) {
        return position[instrument];
    }

    /** @return whether any position is open. */
    boolean inMarket() {
        return open > 0;
    }

    /** @param instrument the index. @return the average price of the open position (0 when flat). */
    double averagePrice(int instrument) {
        return average[instrument];
    }

    /** @param instrument the index. @return PnL realized by reducing positions. */
    double realized(int instrument) {
        return realized[instrument];
    }

    /** @param instrument the index. @return the open position's PnL at the mid. */
    double unrealized(int instrument) {
        return position[instrument] == 0 ? 0
                : position[instrument] * sizeScale[instrument] * (mid[instrument] - average[instrument]);
    }

    /** @param instrument the index. @return fees paid there. */
    double fees(int instrument) {
        return fees[instrument];
    }

    /** @return fees paid in total. */
    double fees() {
        double total = 0;
        for (double f : fees) {
            total += f;
        }
        return total;
    }

    /** @param instrument the index. @return traded value there. */
    double volume(int instrument) {
        return traded[instrument];
    }

    /** @return traded value in total. */
    double volume() {
        double total = 0;
        for (double v : traded) {
            total += v;
        }
        return total;
    }

    /** @param instrument the index. @return the last mid (NaN before the first). */
    double mid(int instrument) {
        return mid[instrument];
    }
}
