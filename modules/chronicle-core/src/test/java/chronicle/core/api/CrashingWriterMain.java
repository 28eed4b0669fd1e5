package chronicle.core.api;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link CrashRecoveryTest}: opens the writer (recovering whatever the previous child left),
 * prints {@code ready <next sequence>}, then appends deterministic records until it is killed. Arguments: the queue
 * directory, the segment size, and optionally a number of segments to keep (retention with segment recycling) or
 * {@code stage=<bytes>}: a bulk writer that stages its records and writes them a batch at a time.
 */
public final class CrashingWriterMain {

    private CrashingWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int segmentSize = Integer.parseInt(args[1]);
        QueueOptions options = QueueOptions.hotIpc().withSegmentSize(segmentSize).withIndex(new IndexPolicy(32, 2, 10));
        if (args.length > 2 && args[2].startsWith("stage=")) {
            options = options.withStagingBytes(Integer.parseInt(args[2].substring("stage=".length())));
        } else if (args.length > 2) {
            options = options.withRetention(RetentionPolicy.keepSegments(Integer.parseInt(args[2])));
        }
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options); QueueWriter writer = queue.createWriter()) {
            long next = writer.nextSequence();
            System.out.println("ready " + next);
            System.out.flush();
            while (true) {
                long seq = writer.append((int) (next % 5), Records.timestamp(next), Records.payload(next));
                if (seq != next) {
                    System.out.println("error appended " + seq + " expected " + next);
                    System.exit(3);
                }
                next++;
                if (next % 16 == 0) {
                    LockSupport.parkNanos(20_000); // spread the records so kills land at many different moments
                }
            }
        }
    }
}
