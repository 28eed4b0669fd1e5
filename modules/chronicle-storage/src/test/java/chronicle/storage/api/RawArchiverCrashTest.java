package chronicle.storage.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.pluginhost.api.PluginHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static chronicle.storage.api.RawQueues.append;
import static chronicle.storage.api.RawQueues.awaitSealed;
import static chronicle.storage.api.RawQueues.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM archiving a queue of many segments is killed with SIGKILL at random moments (while it registers, scans,
 * copies, renames, writes meta.json). After every kill, each segment the archiver's reader has passed is archived
 * whole; after a last clean pass every sealed segment has exactly one correct copy and no temporary file is left.
 */
class RawArchiverCrashTest {

    private static final int SEGMENTS = 40;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldLeaveOneCorrectCopyOfEverySegmentAfterKillsMidArchiving() throws Exception {
        Path queue = work.resolve("queue");
        Path archiveRoot = work.resolve("archive");
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.hotIpc().withSegmentSize(2 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int s = 0; s < SEGMENTS; s++) {
                append(writer, nanos("2024-01-02T00:00:00Z") + s * 3_600_000_000_000L, 4_000, 480);
                writer.roll();
            }
            for (int s = 0; s < SEGMENTS; s++) {
                awaitSealed(queue, s);
            }
        }
        Random random = new Random(7);
        int interrupted = 0;
        for (int kill = 0; kill < 12; kill++) {
            Process child = start(queue, archiveRoot);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertEquals("started", first, "the child started");
            Thread.sleep(random.nextInt(kill % 3 == 0 ? 20 : 250));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            if (child.exitValue() != 0) {
                interrupted++;
            }
            assertPassedSegmentsAreArchived(queue, archiveRoot);
        }
        assertTrue(interrupted >= 6, "most kills landed mid-pass: " + interrupted);

        try (RawArchiver last = new RawArchiver(RawArchiverConfig.of(queue, archiveRoot, "binance"),
                PluginHost.of(work.resolve("no-plugins")))) {
            last.runOnce();
        }
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < SEGMENTS; s++) {
            String name = String.format("%09d", s);
            Path copy = dayOf(archiveRoot, s).resolve(name + ".q");
            assertEquals(-1, Files.mismatch(queue.resolve(name + ".q"), copy), "segment " + s);
            assertEquals(-1, Files.mismatch(queue.resolve(name + ".idx"), copy.resolveSibling(name + ".idx")));
            expected.add(name + ".idx");
            expected.add(name + ".q");
        }
        try (Stream<Path> all = Files.walk(archiveRoot)) {
            List<String> files = all.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("meta.json")).sorted().toList();
            assertEquals(expected, files, "one copy of each segment and its index, nothing else (no .tmp)");
        }
        try (Stream<Path> days = Files.list(archiveRoot.resolve("raw/v1/binance"))) {
            long listed = 0;
            for (Path day : days.toList()) {
                listed += SegmentMeta.read(day.resolve("raw/meta.json")).segments().size();
            }
            assertEquals(SEGMENTS, listed, "meta.json lists every segment once");
        }
    }

    /** Segment s holds hours s*1 .. of 2024-01-02: the date of its first record. */
    private static Path dayOf(Path archiveRoot, int segment) {
        return archiveRoot.resolve("raw/v1/binance").resolve("2024-01-0" + (2 + segment / 24)).resolve("raw");
    }

    private static void assertPassedSegmentsAreArchived(Path queue, Path archiveRoot) throws IOException {
        QueueInfo info = QueueInspector.inspect(queue);
        long passed = info.readers().stream().filter(r -> r.name().equals(RawArchiver.READER_NAME))
                .mapToLong(QueueInfo.Reader::segment).findFirst().orElse(0);
        for (int s = 0; s < passed; s++) {
            String name = String.format("%09d.q", s);
            assertEquals(-1, Files.mismatch(queue.resolve(name), dayOf(archiveRoot, s).resolve(name)),
                    "the reader passed segment " + s + " only once it was archived");
        }
    }

    private Process start(Path queue, Path archiveRoot) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String testClasses;
        try {
            testClasses = Path.of(RawArchiverChild.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=chronicle.core",
                "--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "--module-path", System.getProperty("jdk.module.path"),
                "--patch-module", "chronicle.storage=" + testClasses,
                "-m", "chronicle.storage/" + RawArchiverChild.class.getName(),
                queue.toString(), archiveRoot.toString(), "binance")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
