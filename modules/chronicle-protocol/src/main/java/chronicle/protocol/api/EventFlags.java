package chronicle.protocol.api;

/** Bits of {@link EventHeader#flags()}. */
public final class EventFlags {

    /** The event follows a gap that was not recovered: books built from it may be wrong until a snapshot. */
    public static final int AFTER_GAP = 1;
    /** The event was synthesised (a snapshot derived by an import adapter, or one the planned refinery injects). */
    public static final int SYNTHETIC = 1 << 1;
    /** The last event of a venue message that was split into several records. */
    public static final int END_OF_MESSAGE = 1 << 2;

    private EventFlags() {
    }
}
