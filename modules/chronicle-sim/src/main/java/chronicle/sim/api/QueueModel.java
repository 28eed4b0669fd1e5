package chronicle.sim.api;

import java.util.Locale;

/**
 * Where a resting order stands in its price level's queue, and so when trades reach it. The historical book does
 * not contain the strategy's orders, so on price-level (L2) data the place can only be estimated; on order-by-order
 * (L3) data it is known exactly.
 *
 * <ul>
 *   <li>{@link RiskAverse}: the queue ahead is the level's whole size when the order arrived; only trades at the
 *       order's price advance it, and a level that shrinks below the order's place shortens the queue ahead (the
 *       orders that left must have been ahead). Never optimistic.</li>
 *   <li>{@link Probabilistic}: as risk-averse, but a size decrease not explained by trades is split between the
 *       orders ahead and behind with a probability from the relative place: the share ahead is
 *       {@code f(ahead) / (f(ahead) + f(behind))}, with {@code f(x) = x^n} ({@link #power}) or
 *       {@code f(x) = ln(1 + x)} ({@link #log}). The estimator hftbacktest calls ProbQueueModel.</li>
 *   <li>{@link L3Fifo}: on L3 data, the order sits behind exactly the orders resting at its price when it arrived;
 *       it advances as those are executed, cancelled or lose their priority, and is filled by executions of orders
 *       that stand behind it. On L2 data it falls back to risk-averse.</li>
 * </ul>
 */
public sealed interface QueueModel {

    /** The conservative model: only trades at the price advance the order. */
    record RiskAverse() implements QueueModel {
        @Override
        public String label() {
            return "risk-averse";
        }
    }

    /**
     * The probabilistic model on price levels.
     *
     * @param function  {@code f}: {@code POWER} ({@code x^exponent}) or {@code LOG} ({@code ln(1 + x)}).
     * @param exponent  the power {@code n} (ignored for LOG).
     */
    record Probabilistic(Function function, double exponent) implements QueueModel {

        /** Checks the exponent. */
        public Probabilistic {
            if (function == Function.POWER && !(exponent > 0 && Double.isFinite(exponent))) {
                throw new IllegalArgumentException("the power of the queue model must be a positive number, not "
                        + exponent);
            }
        }

        @Override
        public String label() {
            return function == Function.LOG ? "log" : "power:" + java.math.BigDecimal.valueOf(exponent).stripTrailingZeros().toPlainString();
        }

        /**
         * The weight of a part of the queue.
         *
         * @param quantity the quantity in that part.
         * @return {@code f(quantity)}.
         */
        public double weight(double quantity) {
            return function == Function.LOG ? Math.log1p(quantity) : Math.pow(quantity, exponent);
        }
    }

    /** Exact first-in-first-out on order-by-order data. */
    record L3Fifo() implements QueueModel {
        @Override
        public String label() {
            return "l3-fifo";
        }
    }

    /** The weight functions of {@link Probabilistic}. */
    enum Function {
        /** {@code f(x) = x^n}. */
        POWER,
        /** {@code f(x) = ln(1 + x)}. */
        LOG
    }

    /** @return the model as the command line names it ({@code risk-averse}, {@code power:2}, {@code log}, ...). */
    String label();

    /** @return the risk-averse model. */
    static QueueModel riskAverse() {
        return new RiskAverse();
    }

    /** @param n the power. @return the probabilistic model with {@code f(x) = x^n}. */
    static QueueModel power(double n) {
        return new Probabilistic(Function.POWER, n);
    }

    /** @return the probabilistic model with {@code f(x) = ln(1 + x)}. */
    static QueueModel log() {
        return new Probabilistic(Function.LOG, 1);
    }

    /** @return exact FIFO on L3 data. */
    static QueueModel l3Fifo() {
        return new L3Fifo();
    }

    /**
     * Reads a model as the command line names it.
     *
     * @param text {@code risk-averse}, {@code power:N}, {@code log} or {@code l3-fifo}.
     * @return the model.
     * @throws IllegalArgumentException one line naming the accepted forms.
     */
    static QueueModel parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("power:")) {
            try {
                return power(Double.parseDouble(t.substring("power:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--queue-model " + text + ": write the power as a number, for "
                        + "example power:2");
            }
        }
        return switch (t) {
            case "risk-averse" -> riskAverse();
            case "log" -> log();
            case "l3-fifo" -> l3Fifo();
            default -> throw new IllegalArgumentException("--queue-model " + text + ": use risk-averse, power:N, "
                    + "log or l3-fifo");
        };
    }
}
