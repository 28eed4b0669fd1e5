package chronicle.etl.api;

import chronicle.etl.testing.ExtractChild;
import chronicle.etl.testing.Extracts;
import chronicle.etl.testing.TardisArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An extract killed with SIGKILL in the middle of a file leaves the files it completed, whole, and the half-written
 * one only under its hidden temporary name, which no reader's glob matches; the next run completes the extract.
 */
@Timeout(180)
class KilledExtractTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 3);

    @TempDir
    Path dir;

    @Test
    void shouldLeaveNoCompleteLookingFileWhenKilledMidFile() throws Exception {
        // more than 65,536 events a day: the extract reports progress in the middle of the second day's file
        TardisArchive archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"),
                List.of("XBT/USD"), List.of(DAY1, DAY2), 70_000);
        Path out = dir.resolve("out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "--add-exports",
                "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ExtractChild.class.getName(), archive.root().toString(), "XBT/USD", DAY1.toString(),
                DAY2.plusDays(1).toString(), out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("MID-FILE", lines.readLine(), "the child reached the middle of its second file");
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
        }

        String day1 = "book/venue=kraken/symbol=XBT%2FUSD/date=" + DAY1 + "/part-0.csv";
        Path day2Dir = out.resolve("book/venue=kraken/symbol=XBT%2FUSD/date=" + DAY2);
        assertEquals(List.of(day1), csvFiles(out), "only the completed file looks like an extract file");
        Path half = day2Dir.resolve(".part-0.csv.tmp");
        assertTrue(Files.size(half) > 0, "the killed run was writing day 2");
        List<String> day1Lines = Files.readAllLines(out.resolve(day1));
        assertTrue(day1Lines.size() > 65_536, "day 1 whole: " + day1Lines.size());

        Extracts.run(Extracts.request(archive, List.of("XBT/USD"), DAY1, DAY2.plusDays(1), "mid,levels:1",
                new Sampling.EveryEvent(), "csv", out.toString(), null), dir.resolve("none"));
        assertEquals(List.of(day1, "book/venue=kraken/symbol=XBT%2FUSD/date=" + DAY2 + "/part-0.csv"),
                Extracts.files(out), "the next run completes the extract and removes the temporary file");
        assertEquals(day1Lines, Files.readAllLines(out.resolve(day1)), "day 1 as the killed run wrote it");
        assertFalse(Files.exists(half));
    }

    private static List<String> csvFiles(Path out) throws IOException {
        PathMatcher glob = out.getFileSystem().getPathMatcher("glob:**/*.csv");
        try (Stream<Path> all = Files.walk(out)) {
            return all.filter(Files::isRegularFile).filter(glob::matches)
                    .map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }
}
