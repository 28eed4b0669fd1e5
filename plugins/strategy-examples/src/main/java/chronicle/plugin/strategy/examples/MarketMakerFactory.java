package chronicle.plugin.strategy.examples;

import chronicle.api.spi.Parameter;
import chronicle.api.spi.ParameterType;
import chronicle.api.spi.Parameters;
import chronicle.api.spi.StrategyFactory;
import chronicle.api.strategy.Strategy;

import java.util.List;

/** {@code market-maker}: quotes both sides around the mid, with an inventory limit. */
public final class MarketMakerFactory implements StrategyFactory {

    /** For the service loader. */
    public MarketMakerFactory() {
    }

    @Override
    public String name() {
        return "market-maker";
    }

    @Override
    public String description() {
        return "quotes a bid and an ask half-spread from the mid, within an inventory limit";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                new Parameter("half-spread", ParameterType.DECIMAL, "0.01", "distance of each quote from the mid"),
                new Parameter("quantity", ParameterType.DECIMAL, "1", "size of each quote"),
                new Parameter("max-inventory", ParameterType.DECIMAL, "5", "stop quoting the side that adds to a "
                        + "position this large"),
                new Parameter("requote", ParameterType.DURATION, "1s", "requote at least this often"),
                new Parameter("instrument", ParameterType.INTEGER, "0", "index of the instrument traded"));
    }

    @Override
    public Strategy create(Parameters p) {
        if (p.duration("requote").isNegative() || p.duration("requote").isZero()) {
            throw new IllegalArgumentException("--param requote: must be positive, for example 1s");
        }
        return new MarketMaker((int) p.integer("instrument"), p.decimal("half-spread"), p.decimal("quantity"),
                p.decimal("max-inventory"), p.duration("requote").toNanos());
    }
}
