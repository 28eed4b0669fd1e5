package chronicle.core.api;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child process of {@link MultiProcessTest}: reads {@code count} records from the earliest one, checking that
 * sequences are contiguous and payloads are what the writer wrote, and prints {@code ok <count> <segments>}.
 * With {@code latency} as the third argument it instead waits (futex) for records carrying the writer's
 * {@code System.nanoTime()} and prints the median wake-up delay in microseconds.
 */
public final class FollowingReaderMain {

    private FollowingReaderMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        boolean latency = args.length > 2 && args[2].equals("latency");
        try (ChronicleQueue queue = ChronicleQueue.openExisting(dir);
             QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            System.out.println("ready");
            System.out.flush();
            long[] expected = {0};
            long[] delays = new long[(int) (latency ? count : 0)];
            String[] failure = {null};
            long firstSegment = -1;
            RecordHandler handler = (type, seq, ts, buffer, offset, length) -> {
                if (latency) {
                    delays[(int) seq] = System.nanoTime() - buffer.getLong(offset);
                } else {
                    byte[] got = new byte[length];
                    buffer.getBytes(offset, got);
                    if (seq != expected[0] || ts != Records.timestamp(seq) || !Arrays.equals(got, Records.payload(seq))) {
                        failure[0] = "record " + seq + " (expected " + expected[0] + ") differs";
                    }
                }
                expected[0]++;
            };
            while (expected[0] < count && failure[0] == null) {
                if (reader.poll(handler, 100) < 0) {
                    failure[0] = reader.lastError();
                    break;
                }
                if (firstSegment < 0) {
                    firstSegment = reader.segmentIndex();
                }
                if (expected[0] < count && !reader.hasNext()) {
                    reader.await(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            if (failure[0] != null) {
                System.out.println("fail " + failure[0]);
            } else if (latency) {
                Arrays.sort(delays);
                System.out.println("ok " + count + " median-us " + delays[delays.length / 2] / 1000);
            } else {
                System.out.println("ok " + expected[0] + " " + (reader.segmentIndex() - firstSegment));
            }
        }
    }
}
