package chronicle.cli.internal;

/** Entry point of the {@code snapshotter} launcher: {@code chronicle snapshotter} under its own name. */
public final class SnapshotterMain {

    private SnapshotterMain() {
    }

    /**
     * @param args the options of {@code chronicle snapshotter}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("snapshotter", args));
    }
}
