package chronicle.core.api;

/** Where a reader starts. */
public sealed interface StartPosition {

    /** The oldest record still in the queue. */
    record Earliest() implements StartPosition {
    }

    /** After the newest record: only records appended from now on. */
    record Latest() implements StartPosition {
    }

    /**
     * A named reader's saved position; {@code otherwise} for a reader that never committed.
     *
     * @param otherwise where a new reader starts.
     */
    record LastCommitted(StartPosition otherwise) implements StartPosition {
    }

    /**
     * The record with this sequence (or the first after it, if it was deleted by retention).
     *
     * @param sequence the sequence.
     */
    record AtSequence(long sequence) implements StartPosition {
    }

    /**
     * The first record whose timestamp is at or after this time.
     *
     * @param epochNanos the time.
     */
    record AtTimestamp(long epochNanos) implements StartPosition {
    }

    /** @return {@link Earliest}. */
    static StartPosition earliest() {
        return new Earliest();
    }

    /** @return {@link Latest}. */
    static StartPosition latest() {
        return new Latest();
    }

    /** @return {@link LastCommitted}, falling back to the earliest record. */
    static StartPosition lastCommitted() {
        return new LastCommitted(new Earliest());
    }

    /** @param sequence a sequence. @return {@link AtSequence}. */
    static StartPosition sequence(long sequence) {
        return new AtSequence(sequence);
    }

    /** @param epochNanos a time. @return {@link AtTimestamp}. */
    static StartPosition timestamp(long epochNanos) {
        return new AtTimestamp(epochNanos);
    }
}
