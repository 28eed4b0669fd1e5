package chronicle.storage.internal.bundle;

import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.storage.api.BundleException;
import chronicle.storage.spi.Compressor;

import java.nio.file.Path;

/**
 * The outer compression of a day bundle, chosen by its file name: {@code .tar.zst} through the {@code zstd}
 * {@link Compressor} plug-in, {@code .tar.xz} through the {@code xz} one.
 */
final class BundleFormat {

    private BundleFormat() {
    }

    /**
     * @param file a bundle file.
     * @param host finds the compressor plug-ins.
     * @return the compressor of its extension.
     * @throws BundleException naming the file if its extension is not a bundle's, or the compressor is not installed.
     */
    static Compressor of(Path file, PluginHost host) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String compressor;
        if (name.endsWith(".tar.zst")) {
            compressor = "zstd";
        } else if (name.endsWith(".tar.xz")) {
            compressor = "xz";
        } else {
            throw new BundleException(file + ": unknown bundle extension; name it FILE.tar.zst or FILE.tar.xz");
        }
        return host.find(Compressor.class, compressor).map(PluginProvider::instance)
                .orElseThrow(() -> new BundleException(file + ": the " + compressor + " compressor plug-in is not "
                        + "installed (`chronicle plugins` lists the installed ones)"));
    }
}
