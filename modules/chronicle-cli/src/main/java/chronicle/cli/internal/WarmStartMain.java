package chronicle.cli.internal;

/** Entry point of the {@code warm-start} launcher: {@code chronicle warm-start} under its own name. */
public final class WarmStartMain {

    private WarmStartMain() {
    }

    /**
     * @param args the options of {@code chronicle warm-start}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("warm-start", args));
    }
}
