package chronicle.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Sample files from a module's test resources (they travel with the clone: tests need nothing outside it). The
 * caller looks the resource up itself ({@code MyTest.class.getResource("/tardis/x.csv")}): in a named module only
 * its own code sees its resources.
 */
public final class TestResources {

    private TestResources() {
    }

    /**
     * @param resource a test resource as the module's own class found it (null if it did not).
     * @return its path, under {@code target/test-classes}.
     */
    public static Path path(URL resource) {
        Objects.requireNonNull(resource, "test resource not found");
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies a resource into a folder.
     *
     * @param resource a test resource as the module's own class found it (null if it did not).
     * @param dir      the folder.
     * @param as       the copy's file name.
     * @return the copy.
     */
    public static Path copy(URL resource, Path dir, String as) {
        Objects.requireNonNull(resource, "test resource not found");
        try (InputStream in = resource.openStream()) {
            Path target = dir.resolve(as);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
