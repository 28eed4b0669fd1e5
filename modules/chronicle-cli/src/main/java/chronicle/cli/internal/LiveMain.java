package chronicle.cli.internal;

/** Entry point of the {@code chronicle-live} launcher: {@code chronicle live} under its own name. */
public final class LiveMain {

    private LiveMain() {
    }

    /**
     * @param args the options of {@code chronicle live}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("live", args));
    }
}
