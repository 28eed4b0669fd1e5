package chronicle.feed.binance.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketRegistry;
import chronicle.protocol.api.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feed killed with SIGKILL and started again: the queue's sequence goes on, and the book starts from a snapshot. */
@Timeout(40)
class KilledFeedTest {

    @TempDir
    Path dir;

    private static String firstLine(Process child) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldContinueTheSequenceAndStartFromAFreshSnapshotAfterSigkill() throws Exception {
        Path queue = new BusLayout(dir, dir.resolve("archive")).rawStream("binance");
        try (FakeBinance fake = new FakeBinance(FakeBinance.Faults.NONE)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "--add-exports",
                    "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    FeedChild.class.getName(), dir.toString(), fake.wsUrl(), fake.restUrl())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> firstLine(child));
                assertEquals("SYNCED", line.get(25, TimeUnit.SECONDS), "the child's book is in step");
            } finally {
                child.destroyForcibly(); // SIGKILL, in the middle of the replay
                child.waitFor();
            }
        }
        long marketId = MarketRegistry.open(dir).resolve("binance", FakeBinance.SYMBOL).marketId();
        Books killed = Books.ofQueue(queue, marketId);
        int before = killed.sequences.size();
        assertTrue(before > 50, "the killed feed wrote records: " + before);

        try (FakeBinance fake = new FakeBinance(FakeBinance.Faults.NONE)) {
            FeedRun.run(dir, fake);
        }
        Books all = Books.ofQueue(queue, marketId);
        assertEquals(LongStream.range(0, all.sequences.size()).boxed().toList(), all.sequences,
                "one sequence across the kill, no hole, no repeat");
        assertTrue(all.sequences.size() > before, "the restarted feed appended");
        assertEquals(killed.all, all.all.subList(0, before), "the killed feed's records are kept as they were");
        Books.BookRecord first = all.all.subList(before, all.all.size()).stream()
                .filter(o -> o instanceof Books.BookRecord).map(o -> (Books.BookRecord) o).findFirst().orElseThrow();
        assertEquals(MessageType.L2_SNAPSHOT, first.type(), "the restarted feed's book starts from a snapshot");
    }
}
