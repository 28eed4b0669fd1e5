package chronicle.cli.internal;

/** Entry point of the {@code tier-manager} launcher: {@code chronicle tier-manager} under its own name. */
public final class TierManagerMain {

    private TierManagerMain() {
    }

    /**
     * @param args the options of {@code chronicle tier-manager}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("tier-manager", args));
    }
}
