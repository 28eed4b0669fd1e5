package chronicle.pluginhost.internal;

/**
 * A module layer made from drop-in plug-ins.
 *
 * @param origin where its jars came from, as shown to users ({@code plugins/} or {@code plugins/<folder>/}).
 * @param layer  the layer, a child of the boot layer.
 */
public record PluginLayer(String origin, ModuleLayer layer) {
}
