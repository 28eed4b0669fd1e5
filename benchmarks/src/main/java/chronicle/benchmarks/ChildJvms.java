package chronicle.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs that benchmarks start themselves (a writer to kill, a reader in another process): the same {@code java}
 * and class path as the benchmark's own fork, standard error passed through, standard output read by the caller.
 */
final class ChildJvms {

    private ChildJvms() {
    }

    /**
     * @param flags its JVM flags.
     * @param main  the class whose {@code main} it runs.
     * @param args  the arguments of {@code main}.
     * @return the started process.
     */
    static Process start(List<String> flags, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
