package chronicle.bus.api;

import chronicle.bus.internal.StrictJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@link ChronicleConfig} strictly: unknown fields, wrong types and missing required values are
 * {@link ConfigException}s naming the file, the JSON path and the fix.
 *
 * <p>Where the file is found when no path is given: {@code $CHRONICLE_CONFIG}, else
 * {@code <java.home>/config/chronicle.json} (inside the runtime image), else {@code config/chronicle.json} in the
 * working directory.
 */
public final class ConfigLoader {

    /** The name of the archive root itself as a tier: segments that have not moved. */
    public static final String HOT_TIER = "hot";

    /** Environment variable naming the configuration file. */
    public static final String CONFIG_ENV = "CHRONICLE_CONFIG";

    private ConfigLoader() {
    }

    /**
     * The configuration file to use when the user named none.
     *
     * @return the first of {@code $CHRONICLE_CONFIG}, the image's {@code config/chronicle.json}, and
     *         {@code ./config/chronicle.json} that applies.
     */
    public static Path defaultLocation() {
        String env = System.getenv(CONFIG_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path inImage = Path.of(System.getProperty("java.home"), "config", "chronicle.json");
        return Files.isRegularFile(inImage) ? inImage : Path.of("config", "chronicle.json");
    }

    /**
     * Reads and validates a configuration file.
     *
     * @param file the JSON file.
     * @return the configuration, with every required value present.
     * @throws ConfigException if the file is missing, is not JSON, or has a bad value.
     */
    public static ChronicleConfig load(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "$", "file not found",
                    "create it (see config/chronicle.json in the project) or pass --config <file>");
        } catch (IOException e) {
            throw new ConfigException(file, "$", "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        ChronicleConfig config = StrictJson.read(file, json, ChronicleConfig.class);
        if (config == null) {
            throw new ConfigException(file, "$", "the file holds null", "write a JSON object");
        }
        require(file, config.busRoot(), "busRoot", "\"demo_bus\"");
        require(file, config.archiveRoot(), "archiveRoot", "\"demo_bus/archive\"");
        checkTiering(file, config);
        checkEndpoints(file, "spot", config.feeds().binance().spot());
        checkEndpoints(file, "usdm", config.feeds().binance().usdm());
        if (config.symbolMap() != null && !Files.isRegularFile(config.symbolMap())) {
            throw new ConfigException(file, "$.symbolMap", "no file " + config.symbolMap() + " (relative paths are "
                    + "resolved against the working directory)", "create the symbol map or correct the path");
        }
        return config;
    }

    private static void checkTiering(Path file, ChronicleConfig config) {
        for (String tier : config.tiers().keySet()) {
            if (tier.equals(HOT_TIER) || tier.isBlank() || !tier.matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException(file, "$.tiers." + tier, "\"" + tier + "\" cannot name a tier ("
                        + "\"" + HOT_TIER + "\" is the archive root itself; names are letters, digits, - and _)",
                        "rename the tier");
            }
        }
        for (int r = 0; r < config.tiering().size(); r++) {
            TieringRule rule = config.tiering().get(r);
            for (int m = 0; m < rule.moves().size(); m++) {
                String to = rule.moves().get(m).to();
                if (!config.tiers().containsKey(to)) {
                    throw new ConfigException(file, "$.tiering[" + r + "].moves[" + m + "].to",
                            "no tier named \"" + to + "\"", "define it under \"tiers\" or use one of "
                                    + (config.tiers().isEmpty() ? "(none defined)"
                                    : String.join(", ", new java.util.TreeSet<>(config.tiers().keySet()))));
                }
            }
        }
    }

    private static void checkEndpoints(Path file, String market, BinanceEndpoints.Endpoints endpoints) {
        checkUrl(file, "$.feeds.binance." + market + ".wsUrl", endpoints.wsUrl(), "ws", "wss://stream.binance.com:9443");
        checkUrl(file, "$.feeds.binance." + market + ".restUrl", endpoints.restUrl(), "http", "https://api.binance.com");
    }

    private static void checkUrl(Path file, String field, String url, String scheme, String example) {
        java.net.URI uri = null;
        if (url != null) {
            try {
                uri = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
        }
        if (uri == null || uri.getHost() == null
                || !(scheme.equals(uri.getScheme()) || (scheme + "s").equals(uri.getScheme()))) {
            throw new ConfigException(file, field, (url == null ? "missing" : "\"" + url + "\" is not a " + scheme
                    + ":// or " + scheme + "s:// URL with a host"), "write a URL such as \"" + example + "\"");
        }
    }

    private static void require(Path file, Object value, String field, String example) {
        if (value == null) {
            throw new ConfigException(file, "$." + field, "missing required value",
                    "add \"" + field + "\": " + example);
        }
    }
}
