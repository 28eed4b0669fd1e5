package chronicle.cli.internal;

/**
 * Shared by the per-process launchers ({@code archive-tap}, {@code raw-archiver}, {@code tier-manager},
 * {@code snapshotter}, {@code warm-start}, {@code chronicle-live}, {@code chronicle-router}).
 */
final class Launchers {

    private Launchers() {
    }

    /**
     * @param command the chronicle subcommand the launcher stands for.
     * @param args    the launcher's arguments.
     * @return the subcommand followed by the arguments.
     */
    static String[] prepend(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
