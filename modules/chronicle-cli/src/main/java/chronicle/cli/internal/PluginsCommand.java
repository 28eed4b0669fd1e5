package chronicle.cli.internal;

import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProblem;
import chronicle.pluginhost.api.PluginProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code chronicle plugins}: every provider of every SPI, built in or dropped into {@code plugins/}, every jar or
 * folder that was skipped with its reason (including drop-ins refused for their owner or mode), and what the
 * permission check of drop-ins verified.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List plug-ins: SPI, name, version, module, layer and status; skipped jars with the reason.")
final class PluginsCommand implements Runnable {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Drop-in folder to read (default: <image>/plugins).")
    Path pluginsDir;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PluginHost host = pluginsDir != null ? PluginHost.of(pluginsDir) : PluginHost.forRuntimeImage();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SPI", "NAME", "VERSION", "MODULE", "LAYER", "STATUS"});
        for (PluginProvider<?> p : host.allProviders()) {
            rows.add(new String[] {p.spi().getSimpleName(), p.name(), p.version(), p.module(), p.origin(), "ok"});
        }
        PrintWriter out = spec.commandLine().getOut();
        Table.print(out, rows);
        List<PluginProblem> problems = new ArrayList<>(host.problems());
        problems.addAll(host.providerProblems());
        for (PluginProblem problem : problems) {
            out.println("BROKEN " + problem.toLine());
        }
        out.println((rows.size() - 1) + " provider(s) loaded, " + problems.size() + " skipped; drop-in folder: "
                + host.pluginsDir().toAbsolutePath().normalize() + " (" + host.permissionCheck() + ")");
    }
}
