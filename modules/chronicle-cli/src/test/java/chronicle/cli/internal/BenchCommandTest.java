package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintThroughputAndLatencyPercentilesAndDeleteItsQueue() throws Exception {
        JournalFixture.Result r = run("bench", "--dir", dir.toString(), "--messages", "20000", "--size", "100",
                "--warmup", "1000", "--latency-messages", "2000", "--rate", "50000", "--segment-size", "256KiB");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("bench: 20,000 messages of 100 B in " + dir), lines.get(0));
        assertTrue(lines.get(1).matches("append {3}20,000 msg in [\\d.]+ ms: [\\d.]+ M msg/s, [\\d.]+ MB/s of payload"),
                lines.get(1));
        assertTrue(lines.get(2).matches("read {5}20,000 msg in [\\d.]+ ms: [\\d.]+ M msg/s, [\\d.]+ MB/s of payload"),
                lines.get(2));
        Matcher latency = Pattern.compile("latency  2,000 msg of 100 B at 50,000 msg/s, .*us: p50 ([\\d.]+)  "
                + "p90 ([\\d.]+)  p99 ([\\d.]+)  p99\\.9 ([\\d.]+)  max ([\\d.]+)").matcher(lines.get(3));
        assertTrue(latency.matches(), lines.get(3));
        double previous = 0;
        for (int g = 1; g <= 5; g++) {
            double value = Double.parseDouble(latency.group(g));
            assertTrue(value > 0 && value >= previous, "percentiles ascend: " + lines.get(3));
            previous = value;
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the temporary queue is deleted");
        }
    }

    @Test
    void shouldRejectAMessageLargerThanASegment() {
        JournalFixture.Result r = run("bench", "--dir", dir.toString(), "--size", "1MiB", "--segment-size", "64KiB");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--size 1048576 does not fit a segment of 65536 bytes"), r.err());
    }
}
