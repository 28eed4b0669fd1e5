package chronicle.protocol.api;

import java.nio.charset.StandardCharsets;

/**
 * The numeric id of a strategy (a live application) that every order message carries: the 64-bit FNV-1a hash of
 * its name's UTF-8 bytes, so a strategy and a router agree on it with nothing shared but the name. The router uses
 * it to check that a record in a strategy's orders queue speaks for that strategy.
 */
public final class StrategyIds {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private StrategyIds() {
    }

    /**
     * @param name the strategy's (application's) name.
     * @return its id.
     */
    public static long of(String name) {
        long hash = OFFSET_BASIS;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= PRIME;
        }
        return hash;
    }
}
