package chronicle.ingest.testing;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * One way of damaging a real input file, for the corrupted-input tests of every adapter.
 *
 * @param name   what is done, for the test's name.
 * @param damage the change.
 * @param line   the line (of the damaged file) the adapter must name.
 */
public record Damage(String name, UnaryOperator<CorruptedCopy> damage, int line) {

    /**
     * @param line 1-based.
     * @return the line cut to its first half (its line end kept).
     */
    public static Damage truncatedLine(int line) {
        return new Damage("a truncated line", copy -> copy.truncateLine(line), line);
    }

    /**
     * @param line 1-based.
     * @return the line replaced by random bytes (seeded by the line number).
     */
    public static Damage garbageLine(int line) {
        return new Damage("garbage bytes in place of a line", copy -> copy.garbageLine(line, line), line);
    }

    /**
     * @param line 1-based, the last line of the file.
     * @return the file cut halfway through it.
     */
    public static Damage cutInLastLine(int line) {
        return new Damage("a file cut in its last line", copy -> copy.cutInLine(line), line);
    }

    /**
     * @param line 1-based.
     * @return the line deleted (the line the adapter names is the adapter's to say).
     */
    public static Damage deletedLine(int line) {
        return new Damage("a deleted line", copy -> copy.deleteLine(line), line);
    }

    /**
     * @param original the real file.
     * @param dir      where the damaged copy goes (under the original's name, which some adapters read).
     * @return the damaged copy.
     */
    public Path applyTo(Path original, Path dir) {
        return damage.apply(CorruptedCopy.of(original)).writeTo(dir.resolve(original.getFileName().toString()));
    }

    @Override
    public String toString() {
        return name;
    }
}
