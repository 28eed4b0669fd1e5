package chronicle.cli.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The static parts of every report, read from this module's resources: uPlot (copied from its webjar at build time
 * into {@code uplot/}, see {@code modules/chronicle-cli/pom.xml}) with its licence, and the report's own script and
 * style sheet. Module resources, so they load the same from a jar on the class path, the module path or a jlinked
 * runtime image.
 *
 * @param uplotScript  uPlot's browser build.
 * @param uplotStyle   uPlot's style sheet.
 * @param uplotLicence uPlot's licence text (MIT), which travels with every copy.
 * @param reportScript the script that draws the charts and checks they drew.
 * @param reportStyle  the page's style sheet.
 */
record PageAssets(String uplotScript, String uplotStyle, String uplotLicence, String reportScript,
                  String reportStyle) {

    /**
     * @return the assets.
     * @throws IllegalStateException if a resource is missing (a build that skipped the copy step) or could end the
     *                               element it is inlined into.
     */
    static PageAssets load() {
        return new PageAssets(
                inlinable(read("uplot/uPlot.iife.min.js"), "</script"),
                inlinable(read("uplot/uPlot.min.css"), "</style"),
                inlinable(read("uplot/LICENSE"), "*/"),
                inlinable(read("report.js"), "</script"),
                inlinable(read("report.css"), "</style"));
    }

    private static String read(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("chronicle.cli: resource chronicle/cli/internal/report/" + name
                        + " is missing; rebuild the module (./mvnw install) so that it is packaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("chronicle.cli: resource " + name + ": " + e.getMessage(), e);
        }
    }

    /** Text inlined into a page must not contain what would end the element (or comment) holding it. */
    private static String inlinable(String text, String terminator) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains(terminator) || lower.contains("<!--")) {
            throw new IllegalStateException("chronicle.cli: a report resource contains '" + terminator
                    + "' or '<!--' and cannot be inlined into a page");
        }
        return text;
    }
}
