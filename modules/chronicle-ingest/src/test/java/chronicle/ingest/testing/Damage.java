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
