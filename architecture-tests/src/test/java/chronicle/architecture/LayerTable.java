package chronicle.architecture;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The layer table of docs/DESIGN.md as code, and the check of module descriptors against it.
 *
 * <p>A module may require a module of a lower layer, or one of its own layer that stands to its left in the
 * table. Built-in plug-ins ({@code chronicle.plugin.*}) sit above the engine: they may require layers 1 to 3 and,
 * of the app layer, only the modules that own an SPI ({@code chronicle.etl}: the extract sink), never another
 * plug-in. Only {@code api} and {@code spi} packages may be exported.
 */
final class LayerTable {

    /** Layer number of the plug-in modules: above the engine, beside the app layer, requiring neither. */
    static final int PLUGIN_LAYER = 5;

    private static final List<List<String>> LAYERS = List.of(
            List.of("chronicle.core", "chronicle.protocol", "chronicle.pluginhost"),
            List.of("chronicle.bus", "chronicle.storage", "chronicle.ingest"),
            List.of("chronicle.replay", "chronicle.api", "chronicle.sim"),
            List.of("chronicle.etl", "chronicle.framework", "chronicle.feed.binance", "chronicle.cli"));

    /** App-layer modules that export an SPI, and so may be required by the plug-ins that provide it. */
    private static final List<String> APP_SPI_OWNERS = List.of("chronicle.etl");

    private LayerTable() {
    }

    /**
     * @param module a module name of ours.
     * @return its layer (1 to 4, or {@link #PLUGIN_LAYER}), or empty if the table does not name it.
     */
    static OptionalInt layerOf(String module) {
        if (module.startsWith("chronicle.plugin.")) {
            return OptionalInt.of(PLUGIN_LAYER);
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(module)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    private static int columnOf(String module) {
        return LAYERS.get(layerOf(module).orElseThrow() - 1).indexOf(module);
    }

    static boolean isOurs(String module) {
        return module.startsWith("chronicle.");
    }

    /**
     * Every way the given descriptors break the table.
     *
     * @param descriptors the modules of the build.
     * @return one line per violation; empty if the build obeys the table.
     */
    static List<String> violations(Collection<ModuleDescriptor> descriptors) {
        List<String> problems = new ArrayList<>();
        for (ModuleDescriptor module : descriptors) {
            String name = module.name();
            OptionalInt layer = layerOf(name);
            if (layer.isEmpty()) {
                problems.add(name + ": missing from the layer table (add it to LayerTable and docs/DESIGN.md)");
                continue;
            }
            for (ModuleDescriptor.Requires requires : module.requires()) {
                String target = requires.name();
                if (isOurs(target)) {
                    edgeProblem(name, layer.getAsInt(), target).ifPresent(problems::add);
                }
            }
            for (ModuleDescriptor.Exports exports : module.exports()) {
                String pkg = exports.source();
                if (!(pkg.endsWith(".api") || pkg.endsWith(".spi") || pkg.contains(".api.") || pkg.contains(".spi."))) {
                    problems.add(name + ": exports " + pkg + ", which is not an api or spi package");
                }
            }
        }
        return problems;
    }

    private static Optional<String> edgeProblem(String from, int fromLayer, String to) {
        OptionalInt toLayer = layerOf(to);
        if (toLayer.isEmpty()) {
            return Optional.of(from + " -> " + to + ": " + to + " is missing from the layer table");
        }
        int target = toLayer.getAsInt();
        boolean allowed;
        if (fromLayer == PLUGIN_LAYER) {
            allowed = target <= 3 || APP_SPI_OWNERS.contains(to);
        } else if (target == PLUGIN_LAYER) {
            allowed = false;
        } else if (target < fromLayer) {
            allowed = true;
        } else {
            allowed = target == fromLayer && columnOf(to) < columnOf(from);
        }
        return allowed ? Optional.empty() : Optional.of(from + " (layer " + layerName(fromLayer)
                + ") -> " + to + " (layer " + layerName(target) + "): forbidden edge");
    }

    private static String layerName(int layer) {
        return layer == PLUGIN_LAYER ? "plug-in" : String.valueOf(layer);
    }
}
