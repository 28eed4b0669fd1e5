package chronicle.image;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a program of the image (a launcher, or its {@code bin/java}) as a user would, in its own process. */
final class ImageProcess {

    /** Longest a single launch may take before the test fails; a cold start is well under a second. */
    static final long TIMEOUT_SECONDS = 60;

    /**
     * Environment variables that the launcher, the VM or a plug-in would act on (printing "Picked up ..." on
     * standard error, reading another configuration file, using another AWS identity); cleared so that the
     * developer's shell cannot change the outcome.
     */
    private static final List<String> SCRUBBED_ENV =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CHRONICLE_CONFIG");

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private ImageProcess() {
    }

    /** What one launch did. */
    record Result(String command, int exit, String out, String err) {
        String describe() {
            return command + " -> exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /**
     * Runs a command to its end, with no input, its output kept in files of the work folder.
     *
     * @param workDir its working folder.
     * @param env     environment variables to set, after the scrubbed ones and any {@code AWS_*} are removed.
     * @param command the program and its arguments.
     * @return what it did.
     */
    static Result run(Path workDir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        return run(workDir, env, command, TIMEOUT_SECONDS);
    }

    /**
     * Runs a command to its end, as {@link #run(Path, Map, List)} does, within a given time.
     *
     * @param workDir        its working folder.
     * @param env            environment variables to set, after the scrubbed ones and any {@code AWS_*} are removed.
     * @param command        the program and its arguments.
     * @param timeoutSeconds longest it may take before it is killed and the test fails.
     * @return what it did.
     */
    static Result run(Path workDir, Map<String, String> env, List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = pb.environment();
        SCRUBBED_ENV.forEach(environment::remove);
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.putAll(env);
        Process process = pb.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(String.join(" ", command), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Runs the image's {@code chronicle} launcher.
     *
     * @param image          the image folder.
     * @param workDir        its working folder.
     * @param timeoutSeconds how long it may take.
     * @param args           its arguments.
     * @return what it did.
     */
    static Result chronicle(Path image, Path workDir, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin").resolve("chronicle").toString()));
        command.addAll(List.of(args));
        return run(workDir, Map.of(), command, timeoutSeconds);
    }

    /**
     * Runs the image's {@code chronicle} launcher and fails the test unless it exits 0.
     *
     * @param image   the image folder.
     * @param workDir its working folder.
     * @param args    its arguments.
     * @return its standard output.
     */
    static String chronicleOk(Path image, Path workDir, String... args) throws IOException, InterruptedException {
        Result r = chronicle(image, workDir, TIMEOUT_SECONDS, args);
        assertEquals(0, r.exit(), r::describe);
        return r.out();
    }
}
