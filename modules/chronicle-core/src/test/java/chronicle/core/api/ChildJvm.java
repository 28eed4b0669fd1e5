package chronicle.core.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real child JVM running a main class of this module's tests (patched into chronicle.core, as surefire
 * runs them), and reads its standard output line by line.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.offer(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        return startWithPrefix(List.of(), main, args);
    }

    /**
     * Starts the child behind a command prefix (for example {@code unshare} to give it its own mount namespace).
     */
    static ChildJvm startWithPrefix(List<String> prefix, Class<?> main, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto",
                "--enable-native-access=chronicle.core", "--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "--module-path", System.getProperty("jdk.module.path"),
                "--patch-module", "chronicle.core=" + testClasses(),
                "-m", "chronicle.core/" + main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ChildJvm(builder.start());
    }

    private static String testClasses() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the next line the child printed, or null after the timeout. */
    String line(long timeout, TimeUnit unit) throws InterruptedException {
        return lines.poll(timeout, unit);
    }

    /** Sends SIGKILL and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            throw new AssertionError("child did not finish in " + timeout + " " + unit);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
