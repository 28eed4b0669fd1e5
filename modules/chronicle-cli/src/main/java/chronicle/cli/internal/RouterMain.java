package chronicle.cli.internal;

/** Entry point of the {@code chronicle-router} launcher: {@code chronicle router} under its own name. */
public final class RouterMain {

    private RouterMain() {
    }

    /**
     * @param args the options of {@code chronicle router}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("router", args));
    }
}
