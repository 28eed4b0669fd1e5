package chronicle.storage.spi;

import chronicle.pluginhost.spi.Plugin;

import java.io.IOException;
import java.util.Map;

/**
 * A kind of storage tier ({@code local}, {@code nfs}, {@code s3}), selected by {@link #name()} in a tier's
 * {@code "backend"} setting of {@code config/chronicle.json}:
 * <pre>{@code
 * "tiers": {
 *   "warm": { "backend": "nfs", "root": "/mnt/research/chronicle" },
 *   "cold": { "backend": "s3", "bucket": "md-archive", "prefix": "chronicle/", "region": "eu-west-1" }
 * }
 * }</pre>
 *
 * <p>Built-in providers: {@code local} and {@code nfs} (modules of the image) and {@code s3} (a drop-in folder
 * {@code plugins/tier-s3/} of the image with the AWS SDK in its own module layer).
 *
 * <p><b>Thread safety:</b> providers are stateless and shared.
 */
public interface TierBackend extends Plugin {

    /**
     * The settings this backend reads besides {@code "backend"}, for the configuration check and its messages.
     *
     * @return setting name to a one-line description; names not listed here are configuration errors.
     */
    Map<String, String> settings();

    /**
     * Opens a tier.
     *
     * @param tierName the tier's name in the configuration, for messages.
     * @param settings the tier's settings, each value as its JSON text (read them with
     *                 {@link TierSettings}).
     * @return the open tier.
     * @throws IOException with one line naming the tier and the setting to fix (a missing mount, a missing bucket,
     *                     rejected credentials).
     */
    TierStore open(String tierName, Map<String, String> settings) throws IOException;
}
