package chronicle.cli.internal;

/** Entry point of the {@code chronicle-feed-binance} launcher: {@code chronicle feed-binance} under its own name. */
public final class FeedBinanceMain {

    private FeedBinanceMain() {
    }

    /**
     * @param args the options of {@code chronicle feed-binance}.
     */
    public static void main(String[] args) {
        Main.main(Launchers.prepend("feed-binance", args));
    }
}
