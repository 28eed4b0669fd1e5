package chronicle.storage.tests;

import chronicle.cli.internal.Main;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.spi.Compressor;
import chronicle.storage.tests.BundleFixture.Source;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code chronicle archive pack} and {@code unpack} through the command line's {@code Main}, with the real plug-ins
 * on the class path: the unpacked day gives the same {@code chronicle book --at T}; every bad input is one line and
 * exit code 1 and leaves the target archive as it was; a killed unpack leaves only a staging directory that the
 * next unpack removes.
 */
@Timeout(300)
class ArchiveCommandTest {

    private static final String PACK = "chronicle archive pack: ";
    private static final String UNPACK = "chronicle archive unpack: ";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Result pack(Source source, Path bundle) {
        return run("archive", "pack", source.archive().toString(), "--venue", ArchiveFixture.VENUE, "--symbol",
                ArchiveFixture.SYMBOL, "--date", BundleFixture.DAY.toString(), "--out", bundle.toString(),
                "--config", source.configFile().toString());
    }

    @Test
    void shouldGiveTheSameBookAtTAfterUnpackingIntoAnotherArchive() throws Exception {
        Source source = BundleFixture.build(dir);
        Path bundle = dir.resolve("day.tar.zst");
        Result packed = pack(source, bundle);
        assertEquals(0, packed.code(), packed.err());
        assertTrue(packed.out().startsWith("pack: " + bundle), packed.out());
        assertTarListsBundleJsonFirst(bundle);

        Path target = Files.createDirectories(dir.resolve("target"));
        Result unpacked = run("archive", "unpack", bundle.toString(), "--archive", target.toString());
        assertEquals(0, unpacked.code(), unpacked.err());
        assertTrue(unpacked.out().contains("tiered segment(s) made hot"), unpacked.out());

        StreamDay day = source.days().getFirst();
        long start = day.date().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L;
        for (long offsetMs : new long[] {1, 1_234, 3_001, BundleFixture.EVENTS - 2}) {
            String at = Long.toString(start + offsetMs * 1_000_000L + 500_000L);
            Result original = run("book", "--archive", day.queueDir(source.pristine()).toString(), "--venue",
                    Integer.toString(ArchiveFixture.VENUE_ID), "--market", Long.toString(ArchiveFixture.MARKET_ID),
                    "--at", at, "--json", "--depth", "20");
            Result copy = run("book", "--archive", target.toString(), "--venue", ArchiveFixture.VENUE, "--symbol",
                    ArchiveFixture.SYMBOL, "--at", at, "--json", "--depth", "20");
            assertEquals(0, original.code(), original.err());
            assertEquals(0, copy.code(), copy.err());
            assertTrue(original.out().contains("\"bids\":[[\""), original.out());
            assertEquals(original.out(), copy.out(), "the same book at " + at);
        }
    }

    @Test
    void badInputShouldBeOneLineAndExitCodeOneAndChangeNothing() throws Exception {
        Source source = BundleFixture.build(dir);
        Path bundle = dir.resolve("day.tar.xz");
        assertEquals(0, pack(source, bundle).code());
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("ids.json"), "{\"venues\":{},\"markets\":{}}");
        Map<String, Long> before = BundleFixture.tree(target);

        Result unknownDay = run("archive", "pack", source.archive().toString(), "--venue", ArchiveFixture.VENUE,
                "--symbol", ArchiveFixture.SYMBOL, "--date", "2024-05-09", "--out", dir.resolve("x.tar.zst").toString(),
                "--config", source.configFile().toString());
        assertOneLine(unknownDay, PACK, "no stream of synth/BTC/USD on 2024-05-09");
        Result unknownVenue = run("archive", "pack", source.archive().toString(), "--venue", "nowhere", "--symbol",
                ArchiveFixture.SYMBOL, "--date", BundleFixture.DAY.toString(), "--out",
                dir.resolve("x.tar.zst").toString(), "--config", source.configFile().toString());
        assertOneLine(unknownVenue, PACK, "no stream of nowhere/BTC/USD");
        Result zip = run("archive", "pack", source.archive().toString(), "--venue", ArchiveFixture.VENUE, "--symbol",
                ArchiveFixture.SYMBOL, "--date", BundleFixture.DAY.toString(), "--out", dir.resolve("x.zip").toString(),
                "--config", source.configFile().toString());
        assertOneLine(zip, PACK, "unknown bundle extension");
        Result noTiers = run("archive", "pack", source.archive().toString(), "--venue", ArchiveFixture.VENUE,
                "--symbol", ArchiveFixture.SYMBOL, "--date", BundleFixture.DAY.toString(), "--out",
                dir.resolve("x.tar.zst").toString());
        assertOneLine(noTiers, PACK, "segment 0 is in tier cold, which cannot be opened: no tier named \"cold\"");
        assertFalse(Files.exists(dir.resolve("x.tar.zst")), "no bundle from a failed pack");
        assertFalse(Files.exists(dir.resolve("x.zip")));

        Path damagedTier = damageOneTierObject(source);
        Result badTier = pack(source, dir.resolve("x.tar.zst"));
        assertOneLine(badTier, PACK, damagedTier.getFileName().toString());
        assertTrue(badTier.err().contains("the tier copy is damaged"), badTier.err());
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".x.tar.zst")
                    || p.getFileName().toString().startsWith("x.tar.zst")), "no partial bundle, no work directory");
        }

        assertOneLine(run("archive", "unpack", bundle.toString(), "--archive", dir.resolve("nope").toString()),
                UNPACK, "no such archive root");
        assertOneLine(run("archive", "unpack", dir.resolve("none.tar.xz").toString(), "--archive", target.toString()),
                UNPACK, "no such bundle file");
        Path renamed = Files.copy(bundle, dir.resolve("day.tar.gz"));
        assertOneLine(run("archive", "unpack", renamed.toString(), "--archive", target.toString()), UNPACK,
                "unknown bundle extension");

        String segment = "day/book/queue/" + String.format("%09d.q", lastHotSegment(source));
        Path flipped = rewrite(bundle, dir.resolve("flipped.tar.xz"), segment::equals, false);
        Result crc = run("archive", "unpack", flipped.toString(), "--archive", target.toString());
        assertOneLine(crc, UNPACK, flipped + ": " + segment + ": CRC32C ");
        assertTrue(crc.err().contains("bundle.json says"), crc.err());

        Path dropped = rewrite(bundle, dir.resolve("dropped.tar.xz"), p -> p.startsWith("manifest/"), true);
        assertOneLine(run("archive", "unpack", dropped.toString(), "--archive", target.toString()), UNPACK,
                "manifest/book.json: missing");

        byte[] whole = Files.readAllBytes(bundle);
        Path truncated = Files.write(dir.resolve("truncated.tar.xz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Result cut = run("archive", "unpack", truncated.toString(), "--archive", target.toString());
        assertOneLine(cut, UNPACK, truncated.toString());
        assertTrue(cut.err().contains("truncated"), cut.err());

        Path garbage = Files.write(dir.resolve("garbage.tar.xz"), "not a bundle at all".getBytes());
        assertOneLine(run("archive", "unpack", garbage.toString(), "--archive", target.toString()), UNPACK,
                garbage.toString());

        Files.writeString(target.resolve("ids.json"), "{\"venues\":{\"synth\":9},\"markets\":{}}");
        Map<String, Long> withOtherIds = BundleFixture.tree(target);
        assertOneLine(run("archive", "unpack", bundle.toString(), "--archive", target.toString()), UNPACK,
                "ids.json: gives synth/BTC/USD venue id 9 and market id none");
        assertEquals(withOtherIds, BundleFixture.tree(target), "a refused unpack changes nothing");
        Files.writeString(target.resolve("ids.json"), "{\"venues\":{},\"markets\":{}}");
        assertEquals(before, BundleFixture.tree(target), "no failed unpack changed the target");

        assertEquals(0, run("archive", "unpack", bundle.toString(), "--archive", target.toString()).code());
        Map<String, Long> installed = BundleFixture.tree(target);
        Result twice = run("archive", "unpack", bundle.toString(), "--archive", target.toString());
        assertOneLine(twice, UNPACK, "synth/BTC/USD on " + BundleFixture.DAY + " is already in this archive; use "
                + "--force to replace it");
        assertEquals(installed, BundleFixture.tree(target), "a refused unpack changes nothing");
        Result forced = run("archive", "unpack", bundle.toString(), "--archive", target.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("replaced the day"), forced.out());
        assertEquals(installed.keySet(), BundleFixture.tree(target).keySet(), "the same files after --force");
    }

    @Test
    void aKilledUnpackShouldLeaveOnlyAStagingDirectoryThatTheNextUnpackRemoves() throws Exception {
        Source source = BundleFixture.build(dir);
        Path bundle = dir.resolve("day.tar.zst");
        assertEquals(0, pack(source, bundle).code());
        StreamDay day = source.days().getFirst();
        List<ArchiveFixture.Written> expected = ArchiveFixture.readQueue(day.queueDir(source.pristine()));
        int killedMidway = 0;
        for (int round = 0; round < 4; round++) {
            Path target = Files.createDirectories(dir.resolve("target-" + round));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "archive", "unpack", bundle.toString(), "--archive", target.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + round + ".log").toFile()).start();
            Path staging = target.resolve(".staging");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && System.nanoTime() < deadline && !hasEntries(staging)) {
                Thread.sleep(1);
            }
            Thread.sleep(round * 40L);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            boolean installed = Files.exists(day.queueDir(target).resolve("queue.ctl"));
            if (!installed) {
                killedMidway++;
                assertFalse(Files.exists(target.resolve(Manifest.DIRECTORY)), "no manifest without its day");
                try (var visible = Files.list(target)) {
                    assertEquals(List.of(staging), visible.filter(p -> !p.equals(target.resolve("ids.json"))
                                    && !p.equals(target.resolve("ids.json.lock"))).toList(),
                            "only the staging directory (and the registry, ids.json and its lock file) after a kill");
                }
            } else {
                assertEquals(expected, ArchiveFixture.readQueue(day.queueDir(target)), "a whole day or none");
            }
            Result next = run("archive", "unpack", bundle.toString(), "--archive", target.toString(), "--force");
            assertEquals(0, next.code(), next.err());
            DayBundleTest.assertStagingEmpty(target);
            assertEquals(expected, ArchiveFixture.readQueue(day.queueDir(target)), "the day after the next unpack");
        }
        assertTrue(killedMidway > 0, "at least one unpack was killed before it installed the day");
    }

    private static boolean hasEntries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static void assertOneLine(Result result, String prefix, String text) {
        assertEquals(1, result.code(), result.out() + result.err());
        assertEquals(1, result.err().lines().count(), "one line: " + result.err());
        assertTrue(result.err().startsWith(prefix), result.err());
        assertTrue(result.err().contains(text), "'" + text + "' in: " + result.err());
    }

    private static void assertTarListsBundleJsonFirst(Path bundle) throws Exception {
        Path zstd = Path.of("/usr/bin/zstd");
        assumeTrue(Files.isExecutable(zstd) && Files.isExecutable(Path.of("/usr/bin/tar")), "zstd and tar installed");
        Process p = new ProcessBuilder("sh", "-c", "zstd -dc '" + bundle + "' | tar -tf -").redirectErrorStream(true)
                .start();
        List<String> names = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, p.waitFor());
        assertEquals("bundle.json", names.getFirst(), names.toString());
        assertTrue(names.contains("manifest/book.json") && names.contains("day/book/queue/queue.ctl"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("tiered/book/") && n.endsWith(".q.zst")), names.toString());
    }

    private static long lastHotSegment(Source source) {
        return Manifest.load(source.archive(), source.days().getFirst()).segments().stream()
                .filter(SegmentLocation::hot).mapToLong(SegmentLocation::segment).max().orElseThrow();
    }

    private static Path damageOneTierObject(Source source) throws IOException {
        SegmentLocation tiered = Manifest.load(source.archive(), source.days().getFirst()).segments().stream()
                .filter(s -> !s.hot()).findFirst().orElseThrow();
        Path object = source.cold().resolve(tiered.key());
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(object, bytes);
        return object;
    }

    /** Copies a bundle entry by entry, flipping one byte of the matching entries or leaving them out. */
    private static Path rewrite(Path from, Path to, Predicate<String> which, boolean drop) throws IOException {
        Compressor xz = PluginHost.of(Path.of("no-plugins-folder")).find(Compressor.class, "xz").orElseThrow()
                .instance();
        try (InputStream in = xz.decompress(Files.newInputStream(from));
             TarArchiveInputStream tar = new TarArchiveInputStream(in);
             OutputStream out = xz.compress(Files.newOutputStream(to));
             TarArchiveOutputStream copy = new TarArchiveOutputStream(out)) {
            copy.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            List<String> matched = new ArrayList<>();
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                byte[] bytes = tar.readAllBytes();
                if (which.test(entry.getName())) {
                    matched.add(entry.getName());
                    if (drop) {
                        continue;
                    }
                    bytes[bytes.length - 100] ^= 0x01;
                }
                TarArchiveEntry again = new TarArchiveEntry(entry.getName());
                again.setSize(bytes.length);
                copy.putArchiveEntry(again);
                copy.write(bytes);
                copy.closeArchiveEntry();
            }
            assertFalse(matched.isEmpty(), "the bundle has the entry to damage");
            copy.finish();
        }
        return to;
    }
}
