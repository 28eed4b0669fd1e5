package chronicle.bus.api;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Assigns ids in its own JVM, for {@link ConcurrentAssignTest}: {@code <root> <name> <count>}. Waits until the file
 * {@code <root>/go} exists (so every child starts at once), then registers {@code shared/S<i>} and
 * {@code <name>/X<i>} for i below count, printing {@code <venue/symbol> <venue id> <market id>} for each, then
 * {@code done}.
 */
public final class RegistryAssignChild {

    private RegistryAssignChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        while (!Files.exists(root.resolve("go"))) {
            Thread.sleep(1);
        }
        for (int i = 0; i < count; i++) {
            for (String[] market : new String[][] {{"shared", "S" + i}, {name, "X" + i}}) {
                MarketIds.Ids ids = MarketRegistry.open(root).assign(market[0], market[1]);
                System.out.println(market[0] + "/" + market[1] + " " + ids.venueId() + " " + ids.marketId());
            }
        }
        System.out.println("done");
    }
}
