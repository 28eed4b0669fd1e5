package chronicle.etl.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A refinery following a raw queue until it is killed: {@code RefineryChild <raw queue> <sink>}. */
public final class RefineryChild {

    private RefineryChild() {
    }

    /** @param args the raw queue and the sink. */
    public static void main(String[] args) {
        RefineryConfig config = new RefineryConfig(Path.of(args[0]), Path.of(args[1]), List.of(),
                Duration.ofMillis(200), RefineryConfig.DEFAULT_READER);
        try (Refinery refinery = Refinery.open(config)) {
            System.out.println("ready");
            System.out.flush();
            refinery.run(() -> true, false, 200_000);
        }
    }
}
