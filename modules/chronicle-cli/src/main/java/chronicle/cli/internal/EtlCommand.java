package chronicle.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code chronicle-etl} command: moving market data in and out of the archive in bulk. Its
 * subcommands are {@code refine} (the refinery: a raw queue into clean per-market streams with snapshots),
 * {@code extract} (research extracts to Parquet and CSV) and {@code import} (vendor files into the archive, the same
 * command as {@code chronicle import}).
 */
@Command(name = "chronicle-etl",
        mixinStandardHelpOptions = true,
        versionProvider = ChronicleCommand.Version.class,
        description = "Chronicle ETL: the refinery, vendor files into the archive, research extracts out of it.",
        subcommands = {RefineCommand.class, ExtractCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
final class EtlCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: try 'chronicle-etl --help'");
    }
}
