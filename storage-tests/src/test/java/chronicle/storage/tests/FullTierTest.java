package chronicle.storage.tests;

import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cold tier on a real full file system (a 1 MiB tmpfs in a private mount namespace, see {@link FullTierChild}):
 * the tier manager reports one problem naming the tier, the segments stay hot and readable with no move left
 * pending, and once space is freed the next pass moves them.
 */
@Timeout(120)
class FullTierTest {

    private static final LocalDate DATE = LocalDate.of(2024, 3, 1);

    @TempDir
    Path dir;

    @Test
    void shouldKeepSegmentsHotAndReadableWhenTheColdTierIsFullAndMoveThemOnceSpaceIsFreed() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path tmpfs = Files.createDirectories(dir.resolve("tmpfs"));
        StreamDay day = ArchiveFixture.writeDay(archive, DATE, 6_000, 21);
        Process child = new ProcessBuilder("unshare", "--mount", "--map-root-user", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", tmpfs.toString(),
                ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), FullTierChild.class.getName(),
                archive.toString(), tmpfs.toString(), DATE.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(90, TimeUnit.SECONDS), "child finished");
        List<String> lines = new String(child.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, child.exitValue(), String.join("\n", lines));
        String all = String.join("\n", lines);

        List<String> problems = lines.stream().filter(l -> l.startsWith("problem ")).toList();
        assertEquals(1, problems.size(), "one problem line: " + all);
        String problem = problems.getFirst();
        assertTrue(problem.contains("tier \"cold\""), problem);
        assertTrue(problem.contains("No space left on device"), problem);

        List<SegmentLocation> segments = Manifest.load(archive, day).segments();
        int n = segments.size();
        assertTrue(n >= 3, "several segments: " + n);
        assertTrue(lines.contains("moved full 0"), all);
        assertTrue(lines.contains("pending full 0"), "no move left pending while full: " + all);
        assertTrue(lines.contains("hot full " + n), "every segment still hot, its file there: " + all);
        assertTrue(lines.contains("same full true"), "readable as written while full: " + all);

        assertTrue(lines.contains("moved freed " + n), "moved once space is freed: " + all);
        assertTrue(lines.contains("pending freed 0"), all);
        assertTrue(lines.contains("cold freed " + n), all);
        assertTrue(lines.contains("same freed true"), "readable as written from the cold tier: " + all);
        for (SegmentLocation s : segments) {
            assertEquals("cold", s.tier(), s.toString());
            assertNull(s.move(), s.toString());
            assertFalse(Files.exists(day.queueDir(archive).resolve(String.format("%09d.q", s.segment()))));
        }
    }
}
