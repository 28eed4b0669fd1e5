package chronicle.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code chronicle} command: every tool of the platform is a subcommand. */
@Command(name = "chronicle",
        mixinStandardHelpOptions = true,
        versionProvider = ChronicleCommand.Version.class,
        description = "Chronicle: market-data journal, archive tap, import, order books and replay.",
        subcommands = {InspectCommand.class, TailCommand.class, VerifyCommand.class, DoctorCommand.class,
                BenchCommand.class, FeedCommand.class, FeedBinanceCommand.class, ArchiveTapCommand.class, RawArchiverCommand.class,
                TierManagerCommand.class, ManifestCommand.class, BookCommand.class, SnapshotterCommand.class,
                WarmStartCommand.class, BacktestCommand.class, ImportCommand.class, ImportsCommand.class,
                ArchiveCommand.class, PluginsCommand.class, ConfigCommand.class, LiveCommand.class, RouterCommand.class,
                QuickstartCommand.class, ReplayCommand.class,
                CommandLine.HelpCommand.class})
final class ChronicleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'chronicle --help'");
    }

    /** Prints the version of the {@code chronicle.cli} module and of the JVM it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ChronicleCommand.class.getModule().getDescriptor() == null ? "dev"
                    : ChronicleCommand.class.getModule().getDescriptor().rawVersion().orElse("dev");
            return new String[] {"chronicle " + version,
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
