package example.strategy.twap;

import chronicle.api.spi.Parameter;
import chronicle.api.spi.ParameterType;
import chronicle.api.spi.Parameters;
import chronicle.api.spi.StrategyFactory;
import chronicle.api.strategy.Strategy;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code twap}: buys {@code quantity} in {@code slices} equal slices, one every {@code interval}. The host has
 * checked every value against {@link #parameters()} (type and name) before {@link #create} runs; what the types
 * cannot say (a positive quantity, at least one slice) is checked here, with one line naming the parameter.
 */
public final class TwapStrategyFactory implements StrategyFactory {

    /** For the service loader: a public class with a public no-argument constructor. */
    public TwapStrategyFactory() {
    }

    @Override
    public String name() {
        return "twap";
    }

    @Override
    public String description() {
        return "buys quantity in equal slices, one every interval, each an IOC order at the best ask";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                new Parameter("quantity", ParameterType.DECIMAL, "1", "total quantity to buy"),
                new Parameter("slices", ParameterType.INTEGER, "10", "number of equal slices"),
                new Parameter("interval", ParameterType.DURATION, "1m", "time between two slices"));
    }

    @Override
    public Strategy create(Parameters p) {
        BigDecimal quantity = p.decimal("quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("--param quantity: must be positive, for example 1");
        }
        long slices = p.integer("slices");
        if (slices < 1 || slices > 100_000) {
            throw new IllegalArgumentException("--param slices: must be from 1 to 100000, for example 10");
        }
        long intervalNanos = p.duration("interval").toNanos();
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("--param interval: must be positive, for example 1m");
        }
        return new TwapStrategy(quantity, (int) slices, intervalNanos);
    }
}
