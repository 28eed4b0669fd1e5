package chronicle.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chronicle archive}: moves whole days of a market between archives ({@code pack}, {@code unpack}). */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Hand one day of one market to someone else: pack it into a bundle, unpack a bundle into "
                + "an archive root.",
        subcommands = {ArchivePackCommand.class, ArchiveUnpackCommand.class})
final class ArchiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: pack or unpack (try "
                + "'chronicle archive --help')");
    }
}
