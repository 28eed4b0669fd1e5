package chronicle.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that docs and sources speak of the product only, never of how it was developed: no sittings of work,
 * tickets of a tracker, design notes the project started from, or commit hashes.
 *
 * <p>The phrases are regular expressions in one list, the test resource
 * {@code product-language/forbidden-phrases.txt} (a text file, which the check itself does not read as a source).
 * The check reads every text file a reader of the repository meets: {@code *.md}, {@code *.java}, {@code *.sh},
 * {@code pom.xml}, {@code .ci/run} and {@code config/}; it skips build output ({@code target/}), hidden folders
 * other than {@code .ci}, and the raw benchmark results (JSON and logs, which are not among those types).
 */
final class ProductLanguage {

    /** The list of forbidden phrases, on the test class path. */
    static final String PHRASES_RESOURCE = "/product-language/forbidden-phrases.txt";

    /** What every hit says after its place and phrase. */
    static final String ADVICE = "speak of the product, not of its development";

    private static final String DOCS_ONLY = "docs: ";
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "demo_bus");

    /**
     * One forbidden phrase.
     *
     * @param pattern  the phrase, case-insensitive.
     * @param docsOnly whether it applies to Markdown pages only.
     */
    record Phrase(Pattern pattern, boolean docsOnly) {
    }

    /** A phrase found at a line of one file. */
    private record Hit(int line, String phrase) {
    }

    private ProductLanguage() {
    }

    /**
     * @return the forbidden phrases, in the order of the list.
     */
    static List<Phrase> phrases() {
        try (InputStream in = ProductLanguage.class.getResourceAsStream(PHRASES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PHRASES_RESOURCE + " is missing from the test class path");
            }
            List<Phrase> phrases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                boolean docsOnly = line.startsWith(DOCS_ONLY);
                String regex = docsOnly ? line.substring(DOCS_ONLY.length()) : line;
                phrases.add(new Phrase(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), docsOnly));
            }
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException(PHRASES_RESOURCE + ": unreadable", e);
        }
    }

    /**
     * Every forbidden phrase in the text files under a repository root.
     *
     * @param root the repository's root folder.
     * @return one line per hit, {@code path:line: "<phrase>": speak of the product, not of its development}, with
     *         the path relative to the root; empty when the tree is clean.
     */
    static List<String> violations(Path root) {
        List<Phrase> phrases = phrases();
        List<String> hits = new ArrayList<>();
        for (Path file : textFiles(root)) {
            String text = read(file);
            if (text == null) {
                continue;
            }
            boolean markdown = file.getFileName().toString().endsWith(".md");
            String name = root.relativize(file).toString().replace('\\', '/');
            List<Hit> inFile = new ArrayList<>();
            for (Phrase phrase : phrases) {
                if (phrase.docsOnly() && !markdown) {
                    continue;
                }
                Matcher m = phrase.pattern().matcher(text);
                while (m.find()) {
                    inFile.add(new Hit(lineOf(text, m.start()), m.group().replaceAll("\\s+", " ")));
                }
            }
            inFile.sort(Comparator.comparingInt(Hit::line));
            inFile.forEach(h -> hits.add(name + ":" + h.line() + ": \"" + h.phrase() + "\": " + ADVICE));
        }
        return hits;
    }

    /**
     * @param root the repository's root folder.
     * @return the files the check reads, sorted by path.
     */
    static List<Path> textFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean hidden = name.startsWith(".") && !name.equals(".ci");
                    return !dir.equals(root) && (hidden || SKIPPED_FOLDERS.contains(name))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isChecked(root.relativize(file))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list the repository", e);
        }
        files.sort(null);
        return files;
    }

    private static boolean isChecked(Path relative) {
        String path = relative.toString().replace('\\', '/');
        String name = relative.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".java") || name.endsWith(".sh") || name.equals("pom.xml")
                || path.equals(".ci/run") || path.startsWith("config/");
    }

    /** The file's text, or null for a file that is not UTF-8 text (a binary file under config/). */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable", e);
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
