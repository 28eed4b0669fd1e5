package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.core.api.StartPosition;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.TierChecksums;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tier manager runs in child JVMs killed with SIGKILL at random points: no segment is ever lost (after every kill
 * each one is whole where the manifest or the hot directory says it is) or duplicated (at the end each lives in
 * exactly one place, and nothing else is left in any tier).
 */
class TierManagerKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void shouldNeverLoseOrDuplicateASegmentAcross50Kills() throws Exception {
        killRepeatedly(50, 5, 8_000);
    }

    @Test
    @Tag("soak")
    @Timeout(7200)
    void shouldNeverLoseOrDuplicateASegmentAcross1000Kills() throws Exception {
        killRepeatedly(1000, 6, 12_000);
    }

    private void killRepeatedly(int kills, int dayCount, int events) throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path cold = Files.createDirectories(dir.resolve("cold"));
        Path far = Files.createDirectories(dir.resolve("far"));
        List<StreamDay> days = new ArrayList<>();
        for (int i = 0; i < dayCount; i++) {
            days.add(ArchiveFixture.writeDay(archive, LocalDate.of(2024, 5, 1).plusDays(i), events, 100 + i));
        }
        Path pristine = dir.resolve("pristine");
        ArchiveFixture.copyTree(archive, pristine);
        SplittableRandom random = new SplittableRandom(7);
        int idleRuns = 0;
        int interrupted = 0;
        for (int k = 0; k < kills; k++) {
            // Moves to "cold" first; once every segment is there, the clock moves on and they go "far".
            long offset = allHotMoved(archive, days) ? KillFixture.LATER : 0;
            Process child = start(archive, cold, far, offset);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), "the child starts");
            // Kill after a random number of finished moves, a random few milliseconds into the next one.
            int moves = random.nextInt(3);
            for (String line; moves > 0 && (line = out.readLine()) != null && !line.equals("idle"); ) {
                if (line.startsWith("log moved")) {
                    moves--;
                }
            }
            Thread.sleep(random.nextInt(25));
            if (child.isAlive()) {
                child.destroyForcibly(); // SIGKILL
            } else {
                idleRuns++;
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertNothingLost(archive, pristine, days, cold, far);
            interrupted += pendingMoves(archive, days);
        }
        System.out.println("[kills] " + kills + " kills, " + idleRuns + " after the child had finished, "
                + interrupted + " moves left unfinished by a kill");
        assertTrue(interrupted >= kills / 10, "kills interrupted moves, so recovery ran: " + interrupted);
        ChronicleConfig config = KillFixture.config(archive, cold, far);
        try (Tiers tiers = Tiers.of(config, PluginHost.of(archive.resolve("no-plugins")))) {
            TierManager.Report last = new TierManager(tiers, config.tiering(),
                    Clock.offset(Clock.systemUTC(), Duration.ofMillis(KillFixture.LATER)), line -> { }).runOnce();
            assertTrue(last.problems().isEmpty(), last.problems().toString());
            assertNothingDuplicated(archive, days, cold, far);
            for (StreamDay day : days) {
                try (TieredReader reader = TieredReader.open(tiers, day, StartPosition.earliest(),
                        TieredReader.Options.DEFAULT)) {
                    assertEquals(ArchiveFixture.readQueue(day.queueDir(pristine)), ArchiveFixture.drain(reader),
                            day + ": every record, once, in order");
                }
            }
        }
        assertTrue(idleRuns < kills, "most kills hit a running tier manager");
    }

    private Process start(Path archive, Path cold, Path far, long offset) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), TierManagerChild.class.getName(),
                archive.toString(), cold.toString(), far.toString(), Long.toString(offset))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int pendingMoves(Path archive, List<StreamDay> days) {
        return (int) days.stream().flatMap(d -> Manifest.load(archive, d).segments().stream())
                .filter(e -> e.move() != null).count();
    }

    private static boolean allHotMoved(Path archive, List<StreamDay> days) {
        return days.stream().allMatch(d -> {
            List<SegmentLocation> s = Manifest.load(archive, d).segments();
            return !s.isEmpty() && s.stream().noneMatch(e -> e.hot() || e.move() != null)
                    && HotSegments.numbers(d.queueDir(archive)).isEmpty();
        });
    }

    /** Every segment of the original is whole where the manifest says it is, or still in the hot directory. */
    private static void assertNothingLost(Path archive, Path pristine, List<StreamDay> days, Path cold, Path far)
            throws IOException {
        for (StreamDay day : days) {
            Manifest manifest = Manifest.load(archive, day);
            for (long n : HotSegments.numbers(day.queueDir(pristine))) {
                SegmentLocation entry = manifest.segment(n).orElse(null);
                Path hot = day.queueDir(archive).resolve(HotSegments.fileName(n));
                if (entry == null) {
                    assertTrue(Files.isRegularFile(hot), day + " segment " + n + " is neither registered nor hot");
                    assertEquals(TierChecksums.of(day.queueDir(pristine).resolve(HotSegments.fileName(n))),
                            TierChecksums.of(hot), day + " segment " + n + " unchanged");
                    continue;
                }
                Path stored = entry.hot() ? day.queueDir(archive).resolve(entry.key())
                        : (entry.tier().equals("cold") ? cold : far).resolve(entry.key());
                boolean whole = Files.isRegularFile(stored) && TierChecksums.of(stored).equals(entry.checksum());
                if (!whole && entry.move() != null) {
                    // A move of an uncompressed segment may have renamed it into its target before the kill.
                    Path target = (entry.move().to().equals("cold") ? cold : far).resolve(entry.move().key());
                    whole = Files.isRegularFile(target) && TierChecksums.of(target).equals(entry.checksum());
                }
                assertTrue(whole, day + " segment " + n + " is not whole at " + stored + " (" + entry + ")");
            }
        }
    }

    /** At the end: each segment in exactly one place, and no other object or temporary file anywhere. */
    private static void assertNothingDuplicated(Path archive, List<StreamDay> days, Path cold, Path far)
            throws IOException {
        Set<String> expectedFar = new TreeSet<>();
        for (StreamDay day : days) {
            for (SegmentLocation entry : Manifest.load(archive, day).segments()) {
                assertEquals("far", entry.tier(), day + " segment " + entry.segment());
                assertNull(entry.move(), "no move left unfinished");
                expectedFar.add(entry.key());
                if (entry.indexKey() != null) {
                    expectedFar.add(entry.indexKey());
                }
            }
            assertTrue(HotSegments.numbers(day.queueDir(archive)).isEmpty(), "no hot copy left of " + day);
        }
        assertEquals(expectedFar, files(far), "the far tier holds exactly the manifest's objects");
        assertEquals(Set.of(), files(cold), "nothing is left in the cold tier");
        assertEquals(Set.of(), files(archive.resolve(TierManager.STAGING)), "no staged copy is left");
    }

    private static Set<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
