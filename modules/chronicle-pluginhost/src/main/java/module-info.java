/**
 * Layer 1: the plug-in host, which finds the providers of every Chronicle SPI in the runtime image and in its
 * {@code plugins/} drop-in folder.
 *
 * <p>{@code chronicle.pluginhost.spi}: {@link chronicle.pluginhost.spi.Plugin}, the interface every SPI of the
 * platform extends. {@code chronicle.pluginhost.api}: {@link chronicle.pluginhost.api.PluginHost} and what it
 * reports (providers, problems). Layer building and the permission check of drop-ins stay in {@code internal}.
 */
module chronicle.pluginhost {
    exports chronicle.pluginhost.spi;
    exports chronicle.pluginhost.api;
}
