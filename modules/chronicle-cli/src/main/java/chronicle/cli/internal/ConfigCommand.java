package chronicle.cli.internal;

import chronicle.bus.api.ChronicleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code chronicle config}: validates the configuration file and prints the values in effect. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate the configuration file and print the values in effect.")
final class ConfigCommand implements Runnable {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ChronicleConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println("config:      " + config.location().toAbsolutePath().normalize());
        out.println("busRoot:     " + loaded.busRoot().toAbsolutePath().normalize());
        out.println("archiveRoot: " + loaded.archiveRoot().toAbsolutePath().normalize());
        if (loaded.symbolMap() != null) {
            out.println("symbolMap:   " + loaded.symbolMap().toAbsolutePath().normalize());
        }
    }
}
