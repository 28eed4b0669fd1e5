package chronicle.cli.internal;

/** Entry point of the {@code raw-archiver} launcher: {@code chronicle raw-archiver} under its own name. */
public final class RawArchiverMain {

    private RawArchiverMain() {
    }

    /**
     * @param args the options of {@code chronicle raw-archiver}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("raw-archiver", args));
    }
}
