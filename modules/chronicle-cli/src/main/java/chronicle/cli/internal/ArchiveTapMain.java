package chronicle.cli.internal;

/** Entry point of the {@code archive-tap} launcher: {@code chronicle archive-tap} under its own name. */
public final class ArchiveTapMain {

    private ArchiveTapMain() {
    }

    /**
     * @param args the options of {@code chronicle archive-tap}.
     */
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "archive-tap";
        System.arraycopy(args, 0, all, 1, args.length);
        Main.main(all);
    }
}
