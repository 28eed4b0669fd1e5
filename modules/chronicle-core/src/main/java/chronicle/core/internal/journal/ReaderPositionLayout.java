package chronicle.core.internal.journal;

/**
 * Layout of a named reader's position file {@code <queue>/readers/<name>.pos}, version 1. Two slots of 64 bytes;
 * each write goes to the slot the previous write did not use, so a write torn by a crash leaves the other slot
 * intact. On load the valid slot (magic and CRC) with the higher generation wins.
 *
 * <pre>
 * Slot (64 bytes, at offset 0 and at offset 64)
 *  0         4         8                   16                  24                  32
 *  +---------+---------+-------------------+-------------------+-------------------+
 *  | magic   | version | generation        | segment index     | offset in segment |
 *  +---------+---------+-------------------+-------------------+-------------------+
 *  32                  40                  48                  56        60        64
 *  +-------------------+-------------------+-------------------+---------+---------+
 *  | next sequence     | heartbeat (ms)    | pid               | crc32c  | zero    |
 *  +-------------------+-------------------+-------------------+---------+---------+
 *  magic: "CHRP" (0x50524843 little-endian). crc32c: over bytes 0..56 of the slot.
 *  heartbeat: epoch milliseconds of the reader's last commit or heartbeat, for retention's dead-reader policy.
 * </pre>
 */
public final class ReaderPositionLayout {

    public static final int MAGIC = 0x50524843;
    public static final int VERSION = 1;
    public static final int SLOT_SIZE = 64;
    public static final int FILE_SIZE = 128;
    public static final String DIRECTORY = "readers";
    public static final String SUFFIX = ".pos";

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int GENERATION_OFFSET = 8;
    public static final int SEGMENT_OFFSET = 16;
    public static final int POSITION_OFFSET = 24;
    public static final int SEQUENCE_OFFSET = 32;
    public static final int HEARTBEAT_OFFSET = 40;
    public static final int PID_OFFSET = 48;
    public static final int CRC_OFFSET = 56;

    private ReaderPositionLayout() {
    }
}
