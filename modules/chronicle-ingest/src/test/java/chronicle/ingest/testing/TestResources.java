package chronicle.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sample files from a module's test resources (they travel with the clone: tests need nothing outside it). The
 * anchor is a test class of that module: in a named module only its own classes see its resources.
 */
public final class TestResources {

    private TestResources() {
    }

    /**
     * @param anchor   a test class of the module holding the resource.
     * @param resource its name, for example {@code /tardis/kraken_trades_XBT-USD.csv}.
     * @return its path (under {@code target/test-classes}, or {@code src/test/resources} as a fallback).
     */
    public static Path path(Class<?> anchor, String resource) {
        URL url = anchor.getResource(resource);
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path fallback = Path.of("src/test/resources", resource.substring(1));
        if (!Files.exists(fallback)) {
            throw new IllegalStateException("test resource " + resource + " not found");
        }
        return fallback;
    }

    /**
     * Copies a resource into a folder.
     *
     * @param anchor   a test class of the module holding the resource.
     * @param resource its name.
     * @param dir      the folder.
     * @param as       the copy's file name.
     * @return the copy.
     */
    public static Path copy(Class<?> anchor, String resource, Path dir, String as) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            Path target = dir.resolve(as);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
