package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.StreamKind;
import chronicle.replay.api.SnapshotInjector;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.zip.CRC32C;

/**
 * The least a refinery must do, without the journal: read the raw queue, keep every market's book and snapshot
 * schedule ({@link SnapshotInjector}, as the refinery), and copy each record once into a file of its market and
 * stream with a 24-byte header and its CRC32C, the raw sequence stamped into its event header. The records are
 * staged in a 64 KiB buffer per file and written with {@code write(2)}: no mapping, no commit protocol, no seek
 * index, no day or market names. {@code RefineBenchmark.floor} runs it beside the refinery and plain replay.
 * <b>Not thread-safe.</b>
 */
final class RefineFloor implements RecordHandler, AutoCloseable {

    private static final int STAGE = 64 * 1024;
    private static final int RECORD_HEADER = 24;
    private static final int STREAMS = StreamKind.values().length;

    private final Path dir;
    private final EventHeader header = new EventHeader();
    private final CRC32C crc = new CRC32C();
    private final SnapshotInjector injector = new SnapshotInjector(Duration.ofMinutes(1), 0);
    private final SnapshotInjector.Output dropSnapshots = (type, timestamp, buffer, offset, length) -> { };
    private final FileChannel[] files;
    private final ByteBuffer[] stages;
    private final UnsafeBuffer[] stageViews;
    private final long[] written;
    private long records;

    /**
     * @param dir     where the files go (created).
     * @param markets the largest market id + 1.
     */
    RefineFloor(Path dir, int markets) {
        this.dir = dir;
        files = new FileChannel[markets * STREAMS];
        stages = new ByteBuffer[files.length];
        stageViews = new UnsafeBuffer[files.length];
        written = new long[files.length];
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        header.wrap(buffer, offset);
        int file = (int) header.marketId() * STREAMS + header.streamCode();
        UnsafeBuffer stage = stageViews[file];
        if (stage == null) {
            stage = open(file);
        }
        ByteBuffer bytes = stages[file];
        int at = bytes.position();
        int size = (RECORD_HEADER + length + 7) & ~7;
        if (at + size > STAGE) {
            flush(file);
            at = 0;
        }
        stage.putLong(at + 8, timestamp);
        stage.putInt(at + 16, type);
        stage.putInt(at + 20, (int) sequence);
        stage.putBytes(at + RECORD_HEADER, buffer, offset, length);
        stage.putLong(at + RECORD_HEADER + EventHeader.SEQUENCE_OFFSET, sequence);
        bytes.limit(at + RECORD_HEADER + length).position(at + 8);
        crc.reset();
        crc.update(bytes);
        stage.putInt(at + 4, (int) crc.getValue());
        stage.putInt(at, RECORD_HEADER + length);
        bytes.limit(STAGE).position(at + size);
        injector.onRecord(type, sequence, timestamp, buffer, offset, length, dropSnapshots);
        records++;
    }

    private UnsafeBuffer open(int file) {
        try {
            files[file] = FileChannel.open(dir.resolve("f" + file), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stages[file] = ByteBuffer.allocateDirect(STAGE);
        stageViews[file] = new UnsafeBuffer(stages[file]);
        return stageViews[file];
    }

    private void flush(int file) {
        ByteBuffer bytes = stages[file];
        bytes.flip();
        try {
            while (bytes.hasRemaining()) {
                written[file] += files[file].write(bytes, written[file]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.clear();
    }

    /**
     * Reads the whole raw queue.
     *
     * @param raw the raw queue.
     * @return records copied.
     */
    long run(Path raw) {
        try (ChronicleQueue queue = ChronicleQueue.openExisting(raw);
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            while (reader.poll(this, 1024) > 0) {
                // to the tail
            }
        }
        for (int file = 0; file < files.length; file++) {
            if (files[file] != null) {
                flush(file);
            }
        }
        return records;
    }

    @Override
    public void close() {
        for (FileChannel file : files) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
