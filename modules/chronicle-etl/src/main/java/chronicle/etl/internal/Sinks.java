package chronicle.etl.internal;

import chronicle.etl.api.ExtractException;
import chronicle.etl.spi.ExtractSink;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;

import java.util.List;

/**
 * Finds extract sinks through the plug-in host: those linked into the image (CSV) and drop-ins (Parquet).
 */
public final class Sinks {

    private Sinks() {
    }

    /**
     * @param host the plug-in host.
     * @return the names of every installed sink.
     */
    public static List<String> names(PluginHost host) {
        return host.providers(ExtractSink.class).stream().map(PluginProvider::name).distinct().toList();
    }

    /**
     * @param host   the plug-in host.
     * @param format the name after {@code --format}.
     * @return the sink.
     * @throws ExtractException (usage) naming the installed formats if there is none of that name.
     */
    static PluginProvider<ExtractSink> find(PluginHost host, String format) {
        return host.find(ExtractSink.class, format).orElseThrow(() -> new ExtractException("--format: no extract "
                + "sink named '" + format + "' is installed; installed: " + String.join(", ", names(host))
                + (format.equals("parquet") ? " (the Parquet sink is the drop-in folder plugins/extract-parquet/ "
                + "of the image; `chronicle plugins` says why one did not load)" : ""), true));
    }

    /**
     * @param sink        the sink.
     * @param compression the name after {@code --compression}, or null for the sink's default.
     * @return the compression to use.
     * @throws ExtractException (usage) naming the sink's compressions if it cannot write that one.
     */
    static String compression(PluginProvider<ExtractSink> sink, String compression) {
        List<String> known = sink.call(ExtractSink::compressions);
        if (compression == null) {
            return known.getFirst();
        }
        if (!known.contains(compression)) {
            throw new ExtractException("--compression: the " + sink.name() + " format writes "
                    + String.join(" or ", known) + ", not '" + compression + "'", true);
        }
        return compression;
    }
}
