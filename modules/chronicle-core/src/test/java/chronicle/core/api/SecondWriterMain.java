package chronicle.core.api;

import java.nio.file.Path;

/**
 * Child process of {@link WriterLockAcrossProcessesTest}: tries to open a writer on a queue and prints
 * {@code took the lock} or {@code refused: <message>}.
 */
public final class SecondWriterMain {

    private SecondWriterMain() {
    }

    public static void main(String[] args) {
        try (ChronicleQueue queue = ChronicleQueue.openExisting(Path.of(args[0]));
             QueueWriter writer = queue.createWriter()) {
            System.out.println("took the lock");
        } catch (QueueException e) {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.flush();
    }
}
