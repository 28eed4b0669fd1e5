package chronicle.cli.internal;

import java.io.PrintWriter;

/**
 * Entry point of the {@code chronicle-etl} launcher ({@link EtlCommand}). Exit codes as {@link Main}: 0 success,
 * 1 failure, 2 usage error; a usage error is one line on standard error naming the option and the fix.
 */
public final class EtlMain {

    private EtlMain() {
    }

    /**
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
        return Main.run(new EtlCommand(), args, out, err, true);
    }
}
