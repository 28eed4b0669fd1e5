package chronicle.core.internal.journal;

/**
 * Layout of the control file {@code <queue>/queue.ctl}, version 1: it marks a directory as a queue, fixes the
 * queue's shape, and holds the futex word readers sleep on. Mapped read-write by the writer and every reader.
 *
 * <pre>
 *  0                   8         12        16                  24                  32
 *  +-------------------+---------+---------+-------------------+-------------------+
 *  | magic "CHRQCTL1"  | version | flags   | segment size      | created (epoch ns)|
 *  +-------------------+---------+---------+-------------------+-------------------+
 *  64        68                                               128        132
 *  +---------+------------------------------------------------+---------+----------+
 *  | futex   | (own cache line)                               | waiters | ...      |
 *  +---------+------------------------------------------------+---------+----------+
 *  flags: bit 0 ROLL_DAILY (roll at UTC midnight of the record timestamps).
 *  futex: incremented by the writer after a commit when waiters &gt; 0, then FUTEX_WAKE.
 *  waiters: number of readers (any process) parked or about to park on the futex.
 *  File length: 4096 bytes.
 * </pre>
 */
public final class ControlLayout {

    /** "CHRQCTL1" read as a little-endian long. */
    public static final long MAGIC = 0x314C544351524843L;
    public static final int VERSION = 1;
    public static final int FILE_SIZE = 4096;
    public static final String FILE_NAME = "queue.ctl";

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int FLAGS_OFFSET = 12;
    public static final int SEGMENT_SIZE_OFFSET = 16;
    public static final int CREATED_OFFSET = 24;
    public static final int FUTEX_OFFSET = 64;
    public static final int WAITERS_OFFSET = 128;

    public static final int FLAG_ROLL_DAILY = 1;

    private ControlLayout() {
    }
}
