package chronicle.image;

import chronicle.image.ImageProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The plug-in example of docs/PLUGINS.md, end to end as its author would go: {@code examples/strategy-plugin} is
 * built by its own Maven build (the project's wrapper, offline) against this build's artifacts laid out as a
 * release, its jar is dropped into the {@code plugins/} folder of a copy of the image, {@code chronicle plugins}
 * lists it, and {@code chronicle backtest} runs it over the LOBSTER sample imported with {@code chronicle import}.
 *
 * <p>The example's build reads two local repositories: a fresh one holding this build's artifacts (so it compiles
 * against what the image was linked from, and never against an older install), and, read-only behind it
 * ({@code maven.repo.local.tail}), the repository of the build running this test, for Maven's own plug-ins and
 * JUnit. Nothing is written to the latter.
 */
class ExamplePluginIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final Path SOURCE_ROOT = Path.of(System.getProperty("chronicle.source.root", ".."))
            .toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("chronicle.version", "0.1.0-SNAPSHOT");
    private static final Path LOBSTER_MESSAGES = SOURCE_ROOT.resolve(
            "plugins/import-lobster/src/test/resources/lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv");
    /** The example's Maven build: about 10 s on an idle machine, a few times that on a busy one. */
    private static final long BUILD_TIMEOUT_SECONDS = 150;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theExampleStrategyBuildsOutsideTheBuildAndRunsFromTheImagesPluginsFolder(@TempDir Path work)
            throws Exception {
        Path jar = buildExample(work);

        Path copy = work.resolve("chronicle");
        ImageFiles.copyTree(IMAGE, copy);
        Path dropped = Files.copy(jar, copy.resolve("plugins").resolve(jar.getFileName()));
        Files.setPosixFilePermissions(dropped, PosixFilePermissions.fromString("rw-r--r--"));
        String chronicle = copy.resolve("bin/chronicle").toString();

        String listing = ok("list plug-ins", work, chronicle, "plugins");
        assertTrue(listing.lines().anyMatch(l -> List.of(l.trim().split("\\s{2,}")).equals(
                        List.of("StrategyFactory", "twap", "1.0.0", "example.strategy.twap", "plugins/", "ok"))),
                "step 'list plug-ins': no row for the example's twap strategy from plugins/:\n" + listing);

        Path archive = work.resolve("imports");
        ok("import the LOBSTER sample", work, chronicle, "import", "--vendor", "lobster",
                "--input", LOBSTER_MESSAGES.toString(), "--archive", archive.toString(),
                "--venue", "nasdaq", "--symbol", "AAPL");

        List<String> backtest = List.of(chronicle, "backtest", "--archive", archive.toString(),
                "--venue", "nasdaq", "--symbol", "AAPL", "--from", "2012-06-21T13:30:00Z",
                "--to", "2012-06-21T13:30:15Z", "--strategy", "twap",
                "--param", "quantity=400", "--param", "slices=4", "--param", "interval=3s");
        String table = ok("backtest with twap", work, backtest.toArray(String[]::new));
        assertTrue(table.startsWith("backtest of twap (quantity=400 slices=4 interval=3s) on nasdaq AAPL"),
                "step 'backtest with twap':\n" + table);

        List<String> json = new ArrayList<>(backtest);
        json.add("--json");
        String summary = ok("backtest with twap, as JSON", work, json.toArray(String[]::new));
        // The first slice falls due before the first event (no book yet) and is skipped; the next three catch up:
        // 200, 100 and 100 shares, each an IOC order at the best ask that fills at once.
        assertEquals(3, number(summary, "orders"), summary);
        assertEquals(3, number(summary, "fills"), summary);
        double volume = number(summary, "volume");
        assertTrue(volume > 400 * 500 && volume < 400 * 700, "400 AAPL shares at 2012 prices: " + summary);
    }

    /** Runs the example's own build on a copy of it; returns its jar. */
    private static Path buildExample(Path work) throws IOException, InterruptedException {
        Path repository = work.resolve("repository");
        ReleasedArtifacts.publish(SOURCE_ROOT, VERSION, repository);
        Path project = work.resolve("strategy-plugin");
        ImageFiles.copyTree(SOURCE_ROOT.resolve("examples/strategy-plugin"), project);
        String ownRepository = System.getProperty("chronicle.maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        List<String> mvn = List.of(SOURCE_ROOT.resolve("mvnw").toString(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + ownRepository,
                "-Dchronicle.version=" + VERSION, "package");
        Result r = step("build the example with its own Maven build", () -> ImageProcess.run(project,
                Map.of("JAVA_HOME", System.getProperty("java.home"), "MAVEN_ARGS", ""), mvn, BUILD_TIMEOUT_SECONDS));
        assertEquals(0, r.exit(), () -> "step 'build the example with its own Maven build' failed (offline: it "
                + "needs Maven's plug-ins in " + ownRepository + " and the wrapper's Maven downloaded):\n"
                + r.describe());
        Path jar = project.resolve("target/chronicle-twap-strategy-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "step 'build the example': no " + jar);
        return jar;
    }

    private static String ok(String step, Path work, String... command) throws Exception {
        Result r = step(step, () -> ImageProcess.run(work, Map.of(), List.of(command)));
        assertEquals(0, r.exit(), () -> "step '" + step + "' failed:\n" + r.describe());
        assertEquals("", r.err(), () -> "step '" + step + "' wrote to standard error:\n" + r.describe());
        return r.out();
    }

    /** Runs one step; a time-out (an assertion failure of {@link ImageProcess}) is reported under its name. */
    private static Result step(String name, StepAction action) throws IOException, InterruptedException {
        try {
            return action.run();
        } catch (AssertionError e) {
            return fail("step '" + name + "': " + e.getMessage(), e);
        }
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    /** One child process of a step. */
    @FunctionalInterface
    private interface StepAction {
        Result run() throws IOException, InterruptedException;
    }
}
