package chronicle.cli.internal;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.ConfigLoader;
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
}
