package chronicle.pluginhost.api;

import chronicle.pluginhost.spi.Plugin;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One loaded provider of an SPI, with where it came from.
 *
 * <p>Call into the provider through {@link #call} or {@link #run}: they set the thread context class loader to the
 * provider's own loader for the duration of the call, which libraries inside a plug-in (JAXB, SDK clients, ...)
 * rely on to find their own resources.
 *
 * @param spi      the SPI interface.
 * @param instance the provider instance.
 * @param version  the provider module's version, or {@code "unversioned"}.
 * @param module   the name of the module that provides it ({@code "<unnamed>"} on the class path).
 * @param origin   {@code "image"} for the boot layer, {@code "plugins/"} for top-level drop-in jars, or
 *                 {@code "plugins/<folder>/"} for a sub-folder with its own layer.
 * @param <S>      the SPI type.
 */
public record PluginProvider<S extends Plugin>(Class<S> spi, S instance, String version, String module,
                                               String origin) {

    /**
     * The provider's name.
     *
     * @return {@link Plugin#name()} of the instance.
     */
    public String name() {
        return call(Plugin::name);
    }

    /**
     * Calls the provider with the thread context class loader set to the provider's loader.
     *
     * @param action what to do with the provider.
     * @param <R>    the result type.
     * @return what the action returned.
     */
    public <R> R call(Function<? super S, R> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(instance.getClass().getClassLoader());
        try {
            return action.apply(instance);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs an action on the provider with the thread context class loader set to the provider's loader.
     *
     * @param action what to do with the provider.
     */
    public void run(Consumer<? super S> action) {
        call(s -> {
            action.accept(s);
            return null;
        });
    }
}
