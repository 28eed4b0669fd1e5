package chronicle.cli.internal;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the {@code chronicle} launcher.
 *
 * <p>Exit codes: 0 success, 1 runtime failure (one line on standard error: {@code chronicle <command>: <reason>},
 * see {@link FailureMessage}), 2 usage error.
 */
public final class Main {

    /** Success. */
    public static final int OK = 0;
    /** The command ran and failed: bad input, a missing file, a broken queue. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong. */
    public static final int USAGE = 2;

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments.
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args the arguments.
     * @param out  standard output.
     * @param err  standard error.
     * @return the exit code.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(new ChronicleCommand(), args, out, err, false);
    }

    /**
     * Runs a top-level command ({@code chronicle} or another launcher's) without exiting.
     *
     * @param root         the top-level command object.
     * @param args         the arguments.
     * @param out          standard output.
     * @param err          standard error.
     * @param oneLineUsage whether a usage error prints one line ({@code <command>: <message>}) instead of the
     *                     message and the usage help.
     * @return the exit code.
     */
    static int run(Object root, String[] args, PrintWriter out, PrintWriter err, boolean oneLineUsage) {
        // One line per log record ("INFO archive-tap: opened ..."), unless the user configured logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%6$s%n");
        }
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        if (oneLineUsage) {
            cli.setParameterExceptionHandler((e, arguments) -> {
                CommandLine failed = e.getCommandLine();
                failed.getErr().println(failed.getCommandSpec().qualifiedName(" ") + ": " + e.getMessage());
                failed.getErr().flush();
                return USAGE;
            });
        }
        boolean stackTrace = FailureMessage.stackTraceRequested();
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // a subcommand's failure names its whole path: "chronicle archive pack: ..."
            FailureMessage.printQualified(commandLine.getCommandSpec().qualifiedName(" "), e, commandLine.getErr(),
                    stackTrace);
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
