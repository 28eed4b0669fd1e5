package chronicle.cli.internal;

/** Entry point of the {@code archive-tap} launcher: {@code chronicle archive-tap} under its own name. */
public final class ArchiveTapMain {

    private ArchiveTapMain() {
    }

    /**
     * @param args the options of {@code chronicle archive-tap}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("archive-tap", args));
    }
}
