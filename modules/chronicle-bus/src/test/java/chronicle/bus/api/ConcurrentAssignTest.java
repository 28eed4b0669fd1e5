package chronicle.bus.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Processes that assign ids in one root at once (real child JVMs): no assignment is lost, no id is given twice,
 * and every process was told the ids the file keeps.
 */
class ConcurrentAssignTest {

    private static final int CHILDREN = 3;
    private static final int COUNT = 25;

    @TempDir
    Path root;

    @Test
    @Timeout(120)
    void shouldLoseNoAssignmentWhenProcessesAssignAtOnce() throws Exception {
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < CHILDREN; c++) {
            children.add(start("child" + c));
        }
        Files.createFile(root.resolve("go"));
        Map<String, String> told = new HashMap<>();
        for (Process child : children) {
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "child finished");
            assertEquals(0, child.exitValue());
            List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            assertEquals("done", lines.getLast());
            for (String line : lines.subList(0, lines.size() - 1)) {
                String[] parts = line.split(" ");
                String ids = parts[1] + " " + parts[2];
                String before = told.putIfAbsent(parts[0], ids);
                assertTrue(before == null || before.equals(ids), parts[0] + " was told " + before + " and " + ids);
            }
        }
        MarketRegistry registry = MarketRegistry.open(root); // strict: would refuse an id given twice
        assertEquals(COUNT * (CHILDREN + 1), registry.markets().size(), "every assignment kept");
        assertEquals(CHILDREN + 1, registry.venues().size());
        for (Map.Entry<String, String> e : told.entrySet()) {
            MarketName name = MarketName.ofKey(e.getKey());
            MarketIds.Ids ids = registry.resolve(name.venue(), name.symbol());
            assertEquals(e.getValue(), ids.venueId() + " " + ids.marketId(), e.getKey());
        }
        try (var files = Files.list(root)) {
            assertEquals(List.of("go", "ids.json", "ids.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    private Process start(String name) throws IOException, URISyntaxException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String testClasses = Path.of(RegistryAssignChild.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "--module-path", System.getProperty("jdk.module.path"),
                "--patch-module", "chronicle.bus=" + testClasses,
                "-m", "chronicle.bus/" + RegistryAssignChild.class.getName(), root.toString(), name,
                Integer.toString(COUNT)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
