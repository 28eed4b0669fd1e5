package chronicle.cli.internal;

import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.DayBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code chronicle archive unpack FILE --archive ROOT}: verifies a day bundle and installs its day into an archive
 * root, tiered segments made hot again, in one step (staging directory, rename).
 */
@Command(name = "unpack", mixinStandardHelpOptions = true,
        description = "Verify a day bundle (every file's size and CRC32C) and install its day into an archive root; "
                + "segments that were tiered come back hot.")
final class ArchiveUnpackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle, FILE.tar.zst or FILE.tar.xz.")
    Path bundle;

    @Option(names = "--archive", required = true, paramLabel = "ROOT", description = "The archive root to install "
            + "into (must exist).")
    Path archive;

    @Option(names = "--force", description = "Replace the day if the archive already has it.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DayBundle.Unpacked unpacked = DayBundle.unpack(bundle, archive, PluginHost.forRuntimeImage(), force);
        PrintWriter out = spec.commandLine().getOut();
        out.println("unpack: " + unpacked.dayDirectory() + ": streams " + String.join(", ", unpacked.streams())
                + ", " + unpacked.files() + " files verified, " + unpacked.restoredSegments()
                + " tiered segment(s) made hot" + (unpacked.replaced() ? ", replaced the day that was there" : ""));
        out.flush();
        return Main.OK;
    }
}
