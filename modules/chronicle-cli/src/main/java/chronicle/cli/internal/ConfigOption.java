package chronicle.cli.internal;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.ConfigLoader;
import chronicle.bus.api.SymbolMap;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --config FILE} option shared by every command that reads the platform configuration. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $CHRONICLE_CONFIG, <image>/config/chronicle.json, "
                    + "or ./config/chronicle.json).")
    Path file;

    /**
     * @return the file to read: the option, or {@link ConfigLoader#defaultLocation()}.
     */
    Path location() {
        return file != null ? file : ConfigLoader.defaultLocation();
    }

    /**
     * @return the validated configuration.
     */
    ChronicleConfig load() {
        return ConfigLoader.load(location());
    }

    /**
     * The symbol map a registering command pins ids with.
     *
     * @param option          the command's {@code --symbol-map}, or null.
     * @param configNeeded    whether the command reads the configuration anyway (no root was given).
     * @return the option's map; else, when the configuration is read (named with {@code --config}, or needed),
     *         its {@code symbolMap}; else none.
     */
    SymbolMap symbolMap(Path option, boolean configNeeded) {
        if (option != null) {
            return SymbolMap.read(option);
        }
        return file != null || configNeeded ? SymbolMap.readOrNone(load().symbolMap()) : SymbolMap.NONE;
    }
}
