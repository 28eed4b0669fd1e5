package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.IndexPolicy;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real queues for the journal command tests, and the on-disk surgery the tests need (byte layouts from
 * docs/FORMATS.md: segment header 128 bytes, record header 24 bytes, index header 64 bytes and 24-byte entries).
 */
final class JournalFixture {

    /** Timestamp of record 0: 2026-11-22T10:00:00Z; record i is i seconds later. */
    static final long T0 = Instant.parse("2026-11-22T10:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    /** 64 KiB segments (about 600 records each), an index entry every 16 records, written at once. */
    static final QueueOptions SMALL = QueueOptions.hotIpc().withSegmentSize(64 * 1024)
            .withIndex(new IndexPolicy(16, 1, 0)).withPretouch(false);

    private JournalFixture() {
    }

    /** What a command printed. */
    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs the {@code chronicle-etl} launcher's command line in this JVM. */
    static Result runEtl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EtlMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** A payload of 8..107 bytes that follows from the sequence. */
    static byte[] payload(long sequence) {
        byte[] bytes = new byte[(int) (sequence % 100) + 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (sequence * 31 + i);
        }
        return bytes;
    }

    static long timestamp(long sequence) {
        return T0 + sequence * SECOND;
    }

    static int type(long sequence) {
        return (int) (sequence % 4);
    }

    /** Appends records {@code from..to-1} with an open writer. */
    static void append(QueueWriter writer, long from, long to) {
        for (long s = from; s < to; s++) {
            assertEquals(s, writer.append(type(s), timestamp(s), payload(s)));
        }
    }

    /** Writes records 0..count-1 into a new queue and closes the writer. */
    static Path queue(Path dir, int count) {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            append(writer, 0, count);
        }
        return dir;
    }

    /** Writes a lock file naming a process that is not running (pid 999999, started at epoch ms 1). */
    static void staleLock(Path queue) throws IOException {
        String host = Files.readString(Path.of("/etc/hostname")).strip();
        Files.writeString(queue.resolve("writer.lock"), "pid=999999 start=1 host=" + host + "\n");
    }

    /** @return the pid of a process that ran and exited. */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /**
     * Registers a named reader as a dead process left it: its position file (two 64-byte slots, the valid one with
     * magic "CHRP", version 1, generation, segment, offset, next sequence, heartbeat ms, pid, CRC32C of bytes
     * 0..56).
     */
    static void reader(Path queue, String name, long segment, long offset, long nextSequence, long heartbeatMillis,
                       long pid) throws IOException {
        ByteBuffer file = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        int base = 64; // generation 1 lives in slot 1
        file.putInt(base, 0x50524843).putInt(base + 4, 1).putLong(base + 8, 1).putLong(base + 16, segment)
                .putLong(base + 24, offset).putLong(base + 32, nextSequence).putLong(base + 40, heartbeatMillis)
                .putLong(base + 48, pid);
        CRC32C crc = new CRC32C();
        crc.update(file.array(), base, 56);
        file.putInt(base + 56, (int) crc.getValue());
        Path dir = Files.createDirectories(queue.resolve("readers"));
        Files.write(dir.resolve(name + ".pos"), file.array());
    }

    static Path segment(Path queue, long number) {
        return queue.resolve(String.format("%09d.q", number));
    }

    static Path index(Path queue, long number) {
        return queue.resolve(String.format("%09d.idx", number));
    }

    /** @return the offsets of the records of a segment, walking the length words from offset 128. */
    static List<Long> recordOffsets(Path segment) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long at = 128;
            while (true) {
                int length = readInt(channel, at);
                if (length <= 0) {
                    return offsets;
                }
                offsets.add(at);
                at += (length + 7) & ~7;
            }
        }
    }

    static int readInt(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readInt(channel, offset);
        }
    }

    static long readLong(Path file, long offset) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(bytes, offset);
        }
        return bytes.getLong(0);
    }

    private static int readInt(FileChannel channel, long offset) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(bytes, offset);
        return bytes.getInt(0);
    }

    static void writeInt(Path file, long offset, int value) throws IOException {
        write(file, offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value));
    }

    static void writeLong(Path file, long offset, long value) throws IOException {
        write(file, offset, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value));
    }

    /** Flips every bit of one byte of a file (the queue's writer must be closed). */
    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) ~one.get(0)).rewind();
            channel.write(one, offset);
        }
    }

    private static void write(Path file, long offset, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(bytes, offset);
        }
    }
}
