package chronicle.etl.api;

/**
 * When the book table gets a row: at every multiple of a period in exchange time ({@code --every 100ms}), or after
 * every book event ({@code --every-event}).
 */
public sealed interface Sampling {

    /**
     * A row at every multiple of the period since 1970-01-01T00:00Z, exchange time: the book as of that instant
     * (after every event stamped at or before it).
     *
     * @param periodNanos the period, at least 1 ns.
     */
    record Every(long periodNanos) implements Sampling {
        /**
         * Checks the period.
         *
         * @param periodNanos the period.
         */
        public Every {
            if (periodNanos < 1) {
                throw new IllegalArgumentException("a sampling period must be positive");
            }
        }
    }

    /** A row after every applied book event, stamped with the event's exchange time. */
    record EveryEvent() implements Sampling {
    }
}
