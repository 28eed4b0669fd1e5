package chronicle.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository speaks of the product only; the check finds history where it is added and lets a market's trading
 * session pass. The sample sentences live in {@code product-language/samples.txt}, beside the phrase list, so this
 * source holds none of the phrases it tests.
 */
@Timeout(60)
class ProductLanguageTest {

    @TempDir
    Path tree;

    static Path repositoryRoot() {
        return Path.of(System.getProperty("chronicle.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * A sentence of the samples file and the phrases the check must report in it.
     *
     * @param text    the sentence; a literal {@code \n} in the file is a line break.
     * @param phrases the phrases, whitespace collapsed, in any order; none for product language.
     */
    record Sample(String text, List<String> phrases) {
        /** The hit lines for this sample placed at {@code path:line}. */
        List<String> hits(String path, int line) {
            return phrases.stream().map(p -> path + ":" + line + ": \"" + p + "\": " + ProductLanguage.ADVICE)
                    .sorted().toList();
        }
    }

    /** The samples of one kind: {@code history} or {@code product}. */
    static List<Sample> samples(String kind) throws IOException {
        try (InputStream in = ProductLanguageTest.class.getResourceAsStream("/product-language/samples.txt")) {
            assertTrue(in != null, "product-language/samples.txt is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(kind + ": "))
                    .map(l -> l.substring(kind.length() + 2).split(" => "))
                    .map(parts -> new Sample(parts[0].replace("\\n", "\n"),
                            parts.length > 1 ? List.of(parts[1].split("; ")) : List.of()))
                    .toList();
        }
    }

    @Test
    void shouldFindNoWordsOfTheDevelopmentInTheRepository() {
        Path root = repositoryRoot();
        List<String> files = ProductLanguage.textFiles(root).stream()
                .map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
        assertTrue(files.containsAll(List.of("README.md", "docs/DESIGN.md", "docs/BENCHMARKS.md", ".ci/run",
                "config/chronicle.json", "quickstart.sh", "runtime-image/pom.xml",
                "architecture-tests/src/test/java/chronicle/architecture/ProductLanguage.java")), files.toString());
        assertFalse(files.stream().anyMatch(f -> f.contains("/target/") || f.startsWith(".git/")
                || f.endsWith(".json") && f.startsWith("benchmarks/results/")), files.toString());

        List<String> hits = ProductLanguage.violations(root);

        assertTrue(hits.isEmpty(), () -> hits.size() + " phrase(s) of the development history:\n"
                + String.join("\n", hits));
    }

    @Test
    void shouldReportAPhraseAddedToARealPageWithPathAndLine() throws IOException {
        Sample added = samples("history").getFirst();
        String text = Files.readString(repositoryRoot().resolve("README.md"));
        int lines = (int) text.lines().count();
        Files.writeString(tree.resolve("README.md"), text);
        List<String> before = ProductLanguage.violations(tree);
        Files.writeString(tree.resolve("README.md"), text + added.text() + "\n");

        List<String> hits = new ArrayList<>(ProductLanguage.violations(tree));

        assertTrue(hits.containsAll(before), hits.toString());
        hits.removeAll(before);
        assertEquals(added.hits("README.md", lines + 1), hits);
    }

    @Test
    void shouldReportEverySampleOfHistoryInDocsAndSources() throws IOException {
        List<Sample> history = samples("history");
        assertTrue(history.size() >= 8, history.toString());
        Files.createDirectories(tree.resolve("docs"));
        for (int i = 0; i < history.size(); i++) {
            Files.writeString(tree.resolve("docs/sample-" + i + ".md"), "# Page\n\n" + history.get(i).text() + "\n");
        }
        Sample inSource = history.getFirst();
        Path source = tree.resolve("modules/x/src/main/java/Sample.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "/** Intro. */\nclass Sample {\n    // " + inSource.text() + "\n}\n");

        List<String> hits = ProductLanguage.violations(tree);

        for (int i = 0; i < history.size(); i++) {
            String path = "docs/sample-" + i + ".md";
            List<String> found = hits.stream().filter(h -> h.startsWith(path + ":")).sorted().toList();
            assertEquals(history.get(i).hits(path, 3), found, history.get(i).text());
        }
        List<String> inJava = hits.stream().filter(h -> h.startsWith("modules/")).sorted().toList();
        assertEquals(inSource.hits("modules/x/src/main/java/Sample.java", 3), inJava);
    }

    @Test
    void shouldLetATradingSessionAndOtherProductWordsPass() throws IOException {
        List<Sample> product = samples("product");
        assertFalse(product.isEmpty());
        String text = String.join("\n", product.stream().map(Sample::text).toList()) + "\n";
        Files.writeString(tree.resolve("README.md"), text);
        Files.createDirectories(tree.resolve("config"));
        Files.writeString(tree.resolve("config/notes.json"), "{\"note\": \"" + product.getFirst().text() + "\"}\n");
        Files.writeString(tree.resolve("Session.java"),
                "/** " + text.replace("\n", " ") + " */\nclass Session {\n}\n");

        assertEquals(3, ProductLanguage.textFiles(tree).size());
        assertEquals(List.of(), ProductLanguage.violations(tree));
    }

    @Test
    void shouldSkipBuildOutputHiddenFoldersAndRawResults() throws IOException {
        Sample history = samples("history").getFirst();
        for (String path : List.of("target/notes.md", "modules/x/target/Gen.java", ".git/COMMIT_EDITMSG.md",
                "benchmarks/results/2026-12-06/run.log", "benchmarks/results/2026-12-06/jmh.json")) {
            Path file = tree.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, history.text() + "\n");
        }
        Files.createDirectories(tree.resolve(".ci"));
        Files.writeString(tree.resolve(".ci/run"), "#!/bin/sh\n# " + history.text() + "\n");

        List<String> hits = ProductLanguage.violations(tree);

        assertEquals(history.hits(".ci/run", 2), hits);
    }
}
