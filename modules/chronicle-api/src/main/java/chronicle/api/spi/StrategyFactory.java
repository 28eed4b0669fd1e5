package chronicle.api.spi;

import chronicle.api.strategy.Strategy;
import chronicle.pluginhost.spi.Plugin;

import java.util.List;

/**
 * A strategy as a plug-in: found by {@link #name()} when a user types {@code --strategy NAME}, in the runtime image
 * or in a jar dropped into its {@code plugins/} folder. {@code --param key=value} values are checked against
 * {@link #parameters()} before {@link #create} is called, so a factory receives only known, well-typed values.
 *
 * <p>A provider is a public class with a public no-argument constructor, declared in its module-info
 * ({@code provides chronicle.api.spi.StrategyFactory with ...}) and in
 * {@code META-INF/services/chronicle.api.spi.StrategyFactory}.
 */
public interface StrategyFactory extends Plugin {

    /** @return the parameters the strategy takes, with their types and defaults. */
    List<Parameter> parameters();

    /**
     * @param parameters every parameter of {@link #parameters()}, given or defaulted, already checked.
     * @return a new strategy instance (one per run).
     */
    Strategy create(Parameters parameters);
}
