package chronicle.api.spi;

import chronicle.api.strategy.Strategy;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;

import java.util.List;
import java.util.stream.Collectors;

/** Finds strategy plug-ins by name and makes strategies from {@code --strategy} and {@code --param} settings. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * @param host   the plug-in host (the image and its {@code plugins/} folder).
     * @param name   the strategy's name.
     * @param params {@code key=value} settings.
     * @return a new strategy, with its checked parameters.
     * @throws IllegalArgumentException one line: an unknown strategy (with the known ones), or a bad parameter.
     */
    public static Created create(PluginHost host, String name, List<String> params) {
        PluginProvider<StrategyFactory> provider = host.find(StrategyFactory.class, name).orElseThrow(() ->
                new IllegalArgumentException("--strategy " + name + ": no such strategy (found: " + names(host)
                        + "); drop its jar into " + host.pluginsDir()));
        StrategyFactory factory = provider.instance();
        Parameters parameters = Parameters.parse(name, factory.parameters(), params);
        Strategy strategy = provider.call(f -> f.create(parameters));
        return new Created(name, parameters, strategy);
    }

    /**
     * @param host the plug-in host.
     * @return the names of every strategy found, sorted.
     */
    public static String names(PluginHost host) {
        List<String> names = host.providers(StrategyFactory.class).stream().map(PluginProvider::name).sorted()
                .toList();
        return names.isEmpty() ? "none" : names.stream().collect(Collectors.joining(", "));
    }

    /**
     * A strategy made from settings.
     *
     * @param name       its name.
     * @param parameters its parameter values.
     * @param strategy   the instance.
     */
    public record Created(String name, Parameters parameters, Strategy strategy) {
    }
}
