package chronicle.core.api;

import java.nio.file.Path;

/**
 * Child process of {@link DiskFullTest}, run on a tiny tmpfs: appends until a roll cannot allocate the next
 * segment, then reads everything back. Prints {@code disk-full <next sequence> <message>} and
 * {@code ok <records read>}; a SIGBUS would kill the JVM instead.
 */
public final class DiskFullMain {

    private DiskFullMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]).resolve("queue");
        QueueOptions options = QueueOptions.hotIpc().withSegmentSize(256 * 1024).withPretouch(false);
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options)) {
            long next = 0;
            try (QueueWriter writer = queue.createWriter()) {
                try {
                    while (true) {
                        long seq = writer.append(1, Records.timestamp(next), Records.payload(next));
                        if (seq != next) {
                            System.out.println("error status " + seq);
                            return;
                        }
                        next++;
                    }
                } catch (QueueException e) {
                    System.out.println("disk-full " + next + " " + e.getMessage());
                }
                // The writer is still usable for what fits in the current segment.
                long again = writer.append(1, Records.timestamp(next), new byte[0]);
                System.out.println("after " + again);
            }
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                System.out.println("ok " + Records.drain(reader).size());
            }
        }
    }
}
