package chronicle.cli.internal.report;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders a page in headless Chromium and returns the DOM after its scripts ran ({@code --dump-dom}).
 *
 * <p>The rule when no browser is installed: the test fails with one line saying how to install one, unless the
 * system property {@value #SKIP_PROPERTY} is set ({@code ./mvnw verify -Dchronicle.skipBrowserTests}), which skips
 * it, reported as skipped. {@code .ci/run} installs Chromium where it is missing, so CI always renders.
 */
final class HeadlessChromium {

    /** The system property that turns a missing browser into a skipped test instead of a failed one. */
    static final String SKIP_PROPERTY = "chronicle.skipBrowserTests";

    private static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /**
     * @return the browser found on the {@code PATH}; fails the test (or, with {@value #SKIP_PROPERTY}, skips it) if
     *         there is none.
     */
    static HeadlessChromium require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String line = "chromium not found: install it (apt-get install chromium) or run .ci/run";
            if (System.getProperty(SKIP_PROPERTY) != null) {
                Assumptions.abort(line + "; skipped because -D" + SKIP_PROPERTY + " is set");
            }
            fail(line + " (or set -D" + SKIP_PROPERTY + " to skip the browser tests)");
        }
        return new HeadlessChromium(found.get());
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : BINARIES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads a page, lets its scripts run for up to 10 s of virtual time, and returns the resulting DOM.
     *
     * @param page    the HTML file.
     * @param scratch a folder for the browser's profile and output.
     * @return the serialised DOM.
     * @throws IOException          if the browser cannot be started.
     * @throws InterruptedException if interrupted while waiting.
     */
    String dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        Path out = scratch.resolve("dom.html");
        Path err = scratch.resolve("chromium.log");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + scratch.resolve("profile"), "--window-size=1200,900",
                "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(binary + " did not finish rendering " + page + " within " + TIMEOUT_SECONDS + " s");
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || dom.isBlank()) {
            fail(binary + " exited with " + process.exitValue() + " and printed no DOM; its log: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return dom;
    }

    /**
     * @param dom       a dumped DOM.
     * @param attribute an attribute of {@code <body>}.
     * @return its value, or empty if the body does not have it.
     */
    static Optional<String> bodyAttribute(String dom, String attribute) {
        Matcher body = Pattern.compile("<body\\b[^>]*>").matcher(dom);
        if (!body.find()) {
            return Optional.empty();
        }
        Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(body.group());
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }
}
