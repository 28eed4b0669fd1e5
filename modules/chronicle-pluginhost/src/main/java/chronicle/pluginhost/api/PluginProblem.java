package chronicle.pluginhost.api;

import java.nio.file.Path;

/**
 * A plug-in that could not be loaded, with the reason in one line.
 *
 * @param location the jar or folder that was skipped.
 * @param reason   why it was skipped and what to do about it, on one line.
 */
public record PluginProblem(Path location, String reason) {

    /**
     * Creates a problem, folding a multi-line reason (as JDK resolution errors have) into one line.
     *
     * @param location the jar or folder that was skipped.
     * @param reason   why, possibly over several lines.
     */
    public PluginProblem {
        reason = reason == null ? "unknown error" : reason.replaceAll("\\s*\\R\\s*", "; ").strip();
    }

    /**
     * The line printed for a user.
     *
     * @return {@code "<location>: skipped: <reason>"}.
     */
    public String toLine() {
        return location + ": skipped: " + reason;
    }
}
