package chronicle.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Puts the artifacts of this build into a Maven local repository as if they had been released: the parent pom and,
 * for every module of the root pom that built a jar, its jar and its pom, at
 * {@code dev/chronicle/<artifactId>/<version>/<artifactId>-<version>.{jar,pom}} (Maven's standard layout).
 *
 * <p>Why files are laid out rather than installed with {@code install:install-file}: one Maven run per artifact
 * (about thirty) would take minutes, and {@code install} of the root build would write into the developer's own
 * repository. A plug-in's build then resolves these exactly as it resolves a release.
 */
final class ReleasedArtifacts {

    private static final String GROUP_PATH = "dev/chronicle";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private ReleasedArtifacts() {
    }

    /**
     * @param sourceRoot the root of the build (its pom.xml lists the modules; each module's target/ has its jar).
     * @param version    the build's version.
     * @param repository the local repository to fill; created if missing.
     * @return the artifact ids published (the parent's included).
     */
    static List<String> publish(Path sourceRoot, String version, Path repository) throws IOException {
        Path rootPom = sourceRoot.resolve("pom.xml");
        List<String> published = new ArrayList<>();
        published.add(place(rootPom, null, artifactIdOf(rootPom, false), version, repository));
        Matcher modules = MODULE.matcher(Files.readString(rootPom));
        while (modules.find()) {
            Path pom = sourceRoot.resolve(modules.group(1)).resolve("pom.xml");
            String artifactId = artifactIdOf(pom, true);
            Path jar = pom.resolveSibling("target").resolve(artifactId + "-" + version + ".jar");
            if (Files.isRegularFile(jar)) {
                published.add(place(pom, jar, artifactId, version, repository));
            }
        }
        assertTrue(published.contains("chronicle-api"), () -> "no chronicle-api jar under " + sourceRoot
                + "/modules/chronicle-api/target: run the build's package phase first; published " + published);
        return published;
    }

    private static String place(Path pom, Path jar, String artifactId, String version, Path repository)
            throws IOException {
        Path dir = repository.resolve(GROUP_PATH).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        String base = artifactId + "-" + version;
        Files.copy(pom, dir.resolve(base + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(base + ".jar"));
        }
        return artifactId;
    }

    /** The project's own artifactId: the first one after the parent element, if the pom has one. */
    private static String artifactIdOf(Path pom, boolean hasParent) throws IOException {
        String text = Files.readString(pom);
        int from = hasParent ? text.indexOf("</parent>") : text.indexOf("<modelVersion>");
        assertFalse(from < 0, () -> pom + ": no " + (hasParent ? "</parent>" : "<modelVersion>") + " element");
        Matcher m = ARTIFACT_ID.matcher(text);
        assertTrue(m.find(from), () -> pom + ": no artifactId");
        return m.group(1);
    }
}
