package chronicle.core.spi;

/** A test-only SPI that the plug-in jars built by {@link PluginJars} implement. */
public interface Greeter extends Plugin {

    /**
     * @return a greeting, which some test plug-ins compute from their own dependencies.
     */
    String greet();
}
