package chronicle.plugin.strategy.examples;

import chronicle.api.spi.Parameter;
import chronicle.api.spi.ParameterType;
import chronicle.api.spi.Parameters;
import chronicle.api.spi.StrategyFactory;
import chronicle.api.strategy.Strategy;

import java.util.List;

/** {@code spread}: joins the best bid and ask while the spread is at least {@code min-spread}. */
public final class SpreadStrategyFactory implements StrategyFactory {

    /** For the service loader. */
    public SpreadStrategyFactory() {
    }

    @Override
    public String name() {
        return "spread";
    }

    @Override
    public String description() {
        return "joins the best bid and ask while the spread is at least min-spread";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                new Parameter("min-spread", ParameterType.DECIMAL, "0.05", "quote only while ask - bid >= this"),
                new Parameter("quantity", ParameterType.DECIMAL, "1", "size of each quote"),
                new Parameter("max-position", ParameterType.DECIMAL, "5", "stop adding to a position this large"),
                new Parameter("instrument", ParameterType.INTEGER, "0", "index of the instrument traded"));
    }

    @Override
    public Strategy create(Parameters p) {
        return new SpreadStrategy((int) p.integer("instrument"), p.decimal("min-spread"), p.decimal("quantity"),
                p.decimal("max-position"));
    }
}
