package chronicle.bus.api;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used, with the file, the JSON path of the bad value and the fix.
 *
 * <p>{@link #getMessage()} is one line: {@code <file>: <json path>: <problem>. Fix: <fix>}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String jsonPath;

    /**
     * @param file     the configuration file.
     * @param jsonPath where in it, as {@code $.field.sub[0]} ({@code $} for the whole document).
     * @param problem  what is wrong.
     * @param fix      what the user should do.
     */
    public ConfigException(Path file, String jsonPath, String problem, String fix) {
        super(file + ": " + jsonPath + ": " + problem + ". Fix: " + fix);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    /**
     * @return the configuration file.
     */
    public Path file() {
        return file;
    }

    /**
     * @return the JSON path of the bad value.
     */
    public String jsonPath() {
        return jsonPath;
    }
}
