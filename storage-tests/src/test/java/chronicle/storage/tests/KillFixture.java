package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierMove;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The tiering the kill tests run: compressed to "cold" at once, to "far" after a day. */
final class KillFixture {

    /** A clock offset that makes every segment due for "far". */
    static final long LATER = 2L * 24 * 3600 * 1000;

    private KillFixture() {
    }

    static ChronicleConfig config(Path archive, Path cold, Path far) {
        return ArchiveFixture.config(archive, Map.of("cold", cold, "far", far),
                List.of(TierMove.of("cold", "0s", "zstd"), TierMove.of("far", "1d", null)));
    }
}
