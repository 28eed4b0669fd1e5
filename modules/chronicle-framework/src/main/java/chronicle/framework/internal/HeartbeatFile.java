package chronicle.framework.internal;

import chronicle.framework.api.Heartbeat;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes and reads the heartbeat file whose layout {@link Heartbeat} draws. The writer maps the 64 bytes once and
 * stores fields in place (the beat with release semantics), so a beat costs a few stores and allocates nothing.
 * <b>Writer: one thread (the strategy thread) after {@link #open}.</b>
 */
public final class HeartbeatFile implements AutoCloseable {

    static final int MAGIC = 0x54424843;
    static final int VERSION = 1;
    static final int LENGTH = 64;
    private static final int PID = 8;
    private static final int STARTED = 16;
    private static final int BEAT = 24;
    private static final int STATE = 32;
    private static final int CORE = 36;
    private static final int EVENTS = 40;
    private static final int ORDERS = 48;
    private static final int REPORTS = 56;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;

    private HeartbeatFile(MappedByteBuffer mapped) {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
    }

    /**
     * Creates (or takes over) the file and marks the application {@link Heartbeat.State#STARTING}.
     *
     * @param file      the file.
     * @param access    the strategy directory's permissions (the file gets the same, minus execute).
     * @param startedNanos epoch nanoseconds.
     * @return the writer.
     */
    public static HeartbeatFile open(Path file, QueueAccessRules access, long startedNanos) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            access.restrictFile(file);
            HeartbeatFile heartbeat = new HeartbeatFile(channel.map(FileChannel.MapMode.READ_WRITE, 0, LENGTH));
            UnsafeBuffer b = heartbeat.buffer;
            b.setMemory(0, LENGTH, (byte) 0);
            b.putInt(4, VERSION);
            b.putLong(PID, ProcessHandle.current().pid());
            b.putLong(STARTED, startedNanos);
            b.putLong(BEAT, startedNanos);
            b.putInt(CORE, -1);
            b.putInt(STATE, Heartbeat.State.STARTING.ordinal() + 1);
            b.putIntVolatile(0, MAGIC);
            return heartbeat;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the heartbeat file: " + e.getMessage(), e);
        }
    }

    /** @param state the new state. */
    public void state(Heartbeat.State state) {
        buffer.putIntVolatile(STATE, state.ordinal() + 1);
    }

    /** @param core the pinned CPU. */
    public void core(int core) {
        buffer.putInt(CORE, core);
    }

    /**
     * @param nowNanos epoch nanoseconds.
     * @param events   events delivered so far.
     * @param orders   order messages written so far.
     * @param reports  reports received so far.
     */
    public void beat(long nowNanos, long events, long orders, long reports) {
        buffer.putLong(EVENTS, events);
        buffer.putLong(ORDERS, orders);
        buffer.putLong(REPORTS, reports);
        buffer.putLongOrdered(BEAT, nowNanos);
    }

    @Override
    public void close() {
        mapped.force();
        IoUtil.unmap(mapped);
    }

    /**
     * @param file a heartbeat file.
     * @return what it says.
     * @throws IllegalArgumentException naming the file and what is wrong.
     */
    public static Heartbeat read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no heartbeat file (is the application started, and is "
                    + "this its bus?)");
        }
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read it all
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the heartbeat file: " + e.getMessage(), e);
        }
        if (bytes.position() < LENGTH || bytes.getInt(0) != MAGIC) {
            throw new IllegalArgumentException(file + ": not a heartbeat file (" + bytes.position()
                    + " bytes, magic " + Integer.toHexString(bytes.position() >= 4 ? bytes.getInt(0) : 0) + ")");
        }
        if (bytes.getInt(4) != VERSION) {
            throw new IllegalArgumentException(file + ": heartbeat version " + bytes.getInt(4) + ", this build "
                    + "reads version " + VERSION);
        }
        int state = bytes.getInt(STATE);
        Heartbeat.State[] states = Heartbeat.State.values();
        if (state < 1 || state > states.length) {
            throw new IllegalArgumentException(file + ": heartbeat state " + state + " is not 1-" + states.length);
        }
        return new Heartbeat(file, bytes.getLong(PID), bytes.getLong(STARTED), bytes.getLong(BEAT),
                states[state - 1], bytes.getInt(CORE), bytes.getLong(EVENTS), bytes.getLong(ORDERS),
                bytes.getLong(REPORTS));
    }
}
