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
        // One line per log record ("INFO archive-tap: opened ..."), unless the user configured logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%6$s%n");
        }
        CommandLine cli = new CommandLine(new ChronicleCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        boolean stackTrace = FailureMessage.stackTraceRequested();
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // a subcommand's failure names its whole path: "chronicle archive pack: ..."
            String command = commandLine.getCommandSpec().qualifiedName(" ").replaceFirst("^chronicle ", "");
            FailureMessage.print(command, e, commandLine.getErr(), stackTrace);
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
