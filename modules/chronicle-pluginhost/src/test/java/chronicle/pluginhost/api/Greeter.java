package chronicle.pluginhost.api;

import chronicle.pluginhost.spi.Plugin;

/** A test-only SPI that the plug-in jars built by {@link PluginJars} implement. */
public interface Greeter extends Plugin {

    /**
     * @return a greeting, which some test plug-ins compute from their own dependencies.
     */
    String greet();
}
